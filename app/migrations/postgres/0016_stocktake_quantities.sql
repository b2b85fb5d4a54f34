-- Counting a batch record (one tag, a quantity over 1) by number: the register's quantity
-- frozen with the expected list, the number counted kept with the scan (none: the whole
-- quantity), and a settlement that sets the register's quantity to the count (数量不符), naming
-- the quantity it set.
ALTER TABLE stocktake_expected ADD COLUMN quantity BIGINT NOT NULL DEFAULT 1 CHECK (quantity >= 1);
ALTER TABLE stocktake_scans ADD COLUMN counted BIGINT CHECK (counted >= 1);
ALTER TABLE stocktake_settlements ADD COLUMN quantity BIGINT CHECK (quantity >= 1);
ALTER TABLE stocktake_settlements DROP CONSTRAINT stocktake_settlements_kind_check;
ALTER TABLE stocktake_settlements ADD CONSTRAINT stocktake_settlements_kind_check
    CHECK (kind IN ('move', 'found', 'write_off', 'register', 'recount'));
