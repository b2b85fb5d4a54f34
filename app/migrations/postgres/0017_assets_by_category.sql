-- Rounds and the dashboard count a school's assets of a category (消防器材, 直饮水设备) in use.
CREATE INDEX assets_category ON assets(school_id, category, status);
