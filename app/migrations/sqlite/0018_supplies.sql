-- The supplies store (日常用品): items on the store's shelves with what is on hand, every move of
-- stock (received 入库, issued 领用), and teachers' requests that the keeper issues or refuses.
-- On hand never goes below zero: an issue takes stock only where enough is left. Each shelf
-- has a tag of its own, so that its label's QR opens the shelf.
CREATE TABLE supply_shelves (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX supply_shelves_name ON supply_shelves(school_id, name);
ALTER TABLE tags ADD COLUMN shelf_id BLOB REFERENCES supply_shelves(id);
CREATE UNIQUE INDEX tags_shelf ON tags(shelf_id) WHERE shelf_id IS NOT NULL;

CREATE TABLE supply_items (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    shelf_id BLOB REFERENCES supply_shelves(id),
    min_stock INTEGER NOT NULL DEFAULT 0,
    on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX supply_items_name ON supply_items(school_id, name);

CREATE TABLE supply_requests (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    item_id BLOB NOT NULL REFERENCES supply_items(id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    issued_to TEXT NOT NULL,
    note TEXT,
    state TEXT NOT NULL,
    requested_by BLOB NOT NULL REFERENCES users(id),
    requested_at TEXT NOT NULL,
    decided_by BLOB REFERENCES users(id),
    decided_at TEXT,
    reason TEXT
);
CREATE INDEX supply_requests_state ON supply_requests(school_id, state, requested_at);
CREATE INDEX supply_requests_item ON supply_requests(item_id, state);

CREATE TABLE supply_moves (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    item_id BLOB NOT NULL REFERENCES supply_items(id),
    kind TEXT NOT NULL CHECK (kind IN ('received', 'issued')),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    on_hand_after INTEGER NOT NULL CHECK (on_hand_after >= 0),
    supplier TEXT,
    unit_price_fen INTEGER,
    amount_fen INTEGER,
    issued_to TEXT,
    request_id BLOB REFERENCES supply_requests(id),
    note TEXT,
    by_id BLOB NOT NULL REFERENCES users(id),
    at TEXT NOT NULL
);
CREATE INDEX supply_moves_item ON supply_moves(item_id, at);
CREATE INDEX supply_moves_school ON supply_moves(school_id, at);
