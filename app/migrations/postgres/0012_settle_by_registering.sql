-- A 盘盈 tag registered as a new asset settles that difference too: the settlement names the
-- asset made on the tag.
ALTER TABLE stocktake_settlements DROP CONSTRAINT stocktake_settlements_kind_check;
ALTER TABLE stocktake_settlements ADD CONSTRAINT stocktake_settlements_kind_check
    CHECK (kind IN ('move', 'found', 'write_off', 'register'));
