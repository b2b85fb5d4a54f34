-- Hazard rectification (安全隐患整改): a ticket that a failed checklist item opens carries the
-- measure decided to put it right (整改措施) and the day it must be done by (期限, YYYY-MM-DD,
-- as purchase dates are kept).
ALTER TABLE damage_reports ADD COLUMN measure TEXT;
ALTER TABLE damage_reports ADD COLUMN due_on TEXT;
CREATE INDEX damage_reports_open ON damage_reports(school_id, status, source);
