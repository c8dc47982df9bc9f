-- Day counts kept by triggers, so that every writer keeps them right (docs/metrics.md "Roll-ups"). A row's local
-- day is its occurred_at plus the offset of the org's zone in force then (org_zone_offsets), in whole days. Until the
-- server computes an org's offsets from its plan (at start and on every zone change) it has one UTC row: the counts
-- are then by UTC day and the dashboard reads raw rows instead, since the zone differs from the plan's.
INSERT INTO org_zone_offsets (org_id, start_ms, offset_ms, time_zone) SELECT id, 0, 0, 'UTC' FROM orgs;
--> statement-breakpoint
INSERT INTO interaction_day_counts (org_id, day, stakeholder_type, channel, user_id, direction, purpose, n)
  SELECT i.org_id, i.occurred_at / 86400000, i.stakeholder_type, i.channel, i.user_id, i.direction, coalesce(i.purpose, ''), count(*)
  FROM interactions i WHERE i.deleted = 0
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
CREATE TRIGGER interactions_day_counts_insert AFTER INSERT ON interactions WHEN NEW.deleted = 0
BEGIN
  INSERT INTO interaction_day_counts (org_id, day, stakeholder_type, channel, user_id, direction, purpose, n) VALUES (NEW.org_id, ((NEW.occurred_at + coalesce((SELECT z.offset_ms FROM org_zone_offsets z WHERE z.org_id = NEW.org_id AND z.start_ms <= NEW.occurred_at ORDER BY z.start_ms DESC LIMIT 1), 0)) / 86400000), NEW.stakeholder_type, NEW.channel, NEW.user_id, NEW.direction, coalesce(NEW.purpose, ''), 1)
    ON CONFLICT(org_id, day, stakeholder_type, channel, user_id, direction, purpose) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_day_counts_delete AFTER DELETE ON interactions WHEN OLD.deleted = 0
BEGIN
  UPDATE interaction_day_counts SET n = n - 1 WHERE org_id = OLD.org_id AND day = ((OLD.occurred_at + coalesce((SELECT z.offset_ms FROM org_zone_offsets z WHERE z.org_id = OLD.org_id AND z.start_ms <= OLD.occurred_at ORDER BY z.start_ms DESC LIMIT 1), 0)) / 86400000) AND stakeholder_type = OLD.stakeholder_type AND channel = OLD.channel AND user_id = OLD.user_id AND direction = OLD.direction AND purpose = coalesce(OLD.purpose, '');
  DELETE FROM interaction_day_counts WHERE n <= 0 AND org_id = OLD.org_id AND day = ((OLD.occurred_at + coalesce((SELECT z.offset_ms FROM org_zone_offsets z WHERE z.org_id = OLD.org_id AND z.start_ms <= OLD.occurred_at ORDER BY z.start_ms DESC LIMIT 1), 0)) / 86400000) AND stakeholder_type = OLD.stakeholder_type AND channel = OLD.channel AND user_id = OLD.user_id AND direction = OLD.direction AND purpose = coalesce(OLD.purpose, '');
END;
--> statement-breakpoint
CREATE TRIGGER interactions_day_counts_update AFTER UPDATE OF org_id, occurred_at, stakeholder_type, channel, user_id, direction, purpose, deleted ON interactions
WHEN OLD.org_id IS NOT NEW.org_id OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.stakeholder_type IS NOT NEW.stakeholder_type OR OLD.channel IS NOT NEW.channel OR OLD.user_id IS NOT NEW.user_id OR OLD.direction IS NOT NEW.direction OR OLD.purpose IS NOT NEW.purpose OR OLD.deleted IS NOT NEW.deleted
BEGIN
  UPDATE interaction_day_counts SET n = n - 1 WHERE OLD.deleted = 0 AND org_id = OLD.org_id AND day = ((OLD.occurred_at + coalesce((SELECT z.offset_ms FROM org_zone_offsets z WHERE z.org_id = OLD.org_id AND z.start_ms <= OLD.occurred_at ORDER BY z.start_ms DESC LIMIT 1), 0)) / 86400000) AND stakeholder_type = OLD.stakeholder_type AND channel = OLD.channel AND user_id = OLD.user_id AND direction = OLD.direction AND purpose = coalesce(OLD.purpose, '');
  DELETE FROM interaction_day_counts WHERE OLD.deleted = 0 AND n <= 0 AND org_id = OLD.org_id AND day = ((OLD.occurred_at + coalesce((SELECT z.offset_ms FROM org_zone_offsets z WHERE z.org_id = OLD.org_id AND z.start_ms <= OLD.occurred_at ORDER BY z.start_ms DESC LIMIT 1), 0)) / 86400000) AND stakeholder_type = OLD.stakeholder_type AND channel = OLD.channel AND user_id = OLD.user_id AND direction = OLD.direction AND purpose = coalesce(OLD.purpose, '');
  INSERT INTO interaction_day_counts (org_id, day, stakeholder_type, channel, user_id, direction, purpose, n) SELECT NEW.org_id, ((NEW.occurred_at + coalesce((SELECT z.offset_ms FROM org_zone_offsets z WHERE z.org_id = NEW.org_id AND z.start_ms <= NEW.occurred_at ORDER BY z.start_ms DESC LIMIT 1), 0)) / 86400000), NEW.stakeholder_type, NEW.channel, NEW.user_id, NEW.direction, coalesce(NEW.purpose, ''), 1 WHERE NEW.deleted = 0
    ON CONFLICT(org_id, day, stakeholder_type, channel, user_id, direction, purpose) DO UPDATE SET n = n + 1;
END;
