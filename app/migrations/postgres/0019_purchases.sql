-- Purchasing (采购 → 审批 → 验收 → 入库 → 报销): a purchase request with its lines (supplies the
-- store keeps, or new assets), approved by an admin (by two different admins above the year's
-- threshold), accepted on delivery (what came, at what price, with photos), which receives the
-- supplies into stock and registers the new assets with their tags, and marked reimbursed with
-- the voucher's number. The year's budget (monthly and yearly, 后勤部门的月、年度费用预算) holds
-- the threshold too.
CREATE TABLE purchase_budgets (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    year BIGINT NOT NULL,
    monthly_fen BIGINT NOT NULL CHECK (monthly_fen >= 0),
    yearly_fen BIGINT NOT NULL CHECK (yearly_fen >= 0),
    threshold_fen BIGINT NOT NULL CHECK (threshold_fen >= 0)
);
CREATE UNIQUE INDEX purchase_budgets_year ON purchase_budgets(school_id, year);

CREATE TABLE purchases (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    number TEXT NOT NULL,
    reason TEXT NOT NULL,
    supplier TEXT,
    budget_line TEXT NOT NULL CHECK (budget_line IN ('month', 'year')),
    budget_month TEXT NOT NULL,
    estimate_fen BIGINT NOT NULL CHECK (estimate_fen >= 0),
    actual_fen BIGINT,
    state TEXT NOT NULL,
    requested_by UUID NOT NULL REFERENCES users(id),
    requested_at TIMESTAMPTZ NOT NULL,
    first_approved_by UUID REFERENCES users(id),
    first_approved_at TIMESTAMPTZ,
    approved_by UUID REFERENCES users(id),
    approved_at TIMESTAMPTZ,
    decided_by UUID REFERENCES users(id),
    decided_at TIMESTAMPTZ,
    reason_refused TEXT,
    accepted_by UUID REFERENCES users(id),
    accepted_at TIMESTAMPTZ,
    accept_note TEXT,
    voucher TEXT,
    reimbursed_by UUID REFERENCES users(id),
    reimbursed_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX purchases_number ON purchases(school_id, number);
CREATE INDEX purchases_state ON purchases(school_id, state, requested_at);
CREATE INDEX purchases_budget ON purchases(school_id, budget_month);

CREATE TABLE purchase_lines (
    id UUID PRIMARY KEY,
    purchase_id UUID NOT NULL REFERENCES purchases(id),
    school_id UUID NOT NULL REFERENCES schools(id),
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('supply', 'asset')),
    item_id UUID REFERENCES supply_items(id),
    name TEXT NOT NULL,
    category TEXT,
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    estimate_fen BIGINT NOT NULL CHECK (estimate_fen >= 0),
    received BIGINT CHECK (received >= 0),
    unit_price_fen BIGINT CHECK (unit_price_fen >= 0),
    room_id UUID REFERENCES rooms(id)
);
CREATE UNIQUE INDEX purchase_lines_position ON purchase_lines(purchase_id, position);

ALTER TABLE supply_moves ADD COLUMN purchase_id UUID REFERENCES purchases(id);
ALTER TABLE assets ADD COLUMN purchase_id UUID REFERENCES purchases(id);
CREATE INDEX assets_purchase ON assets(purchase_id) WHERE purchase_id IS NOT NULL;
