-- Each stakeholder's last contact of ours per channel, kept by triggers so that every writer keeps it right
-- (docs/metrics.md "Cadence"). Any write that adds, removes or changes a row of a stakeholder × channel finds that
-- pair's latest contact again: one backward seek of `interactions_stakeholder_channel`, which stops at the first
-- row that counts, so a push costs one seek per row whatever the history's length.
INSERT INTO last_contacts (org_id, stakeholder_id, channel, at, counts_from)
  SELECT org_id, stakeholder_id, channel, occurred_at, counts_from FROM (
    SELECT i.org_id, i.stakeholder_id, i.channel, i.occurred_at, CASE WHEN i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') THEN i.occurred_at ELSE max(i.occurred_at, i.replied_at) END AS counts_from,
      row_number() OVER (PARTITION BY i.org_id, i.stakeholder_id, i.channel ORDER BY i.occurred_at DESC) AS k
    FROM interactions i WHERE i.stakeholder_id IS NOT NULL AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND (i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') OR (i.wait_start = 1 AND i.replied_at IS NOT NULL))
  ) WHERE k = 1;
--> statement-breakpoint
CREATE TRIGGER interactions_last_contacts_insert AFTER INSERT ON interactions
WHEN NEW.stakeholder_id IS NOT NULL AND NEW.deleted = 0 AND NEW.automated = 0 AND NEW.internal = 0
  AND (NEW.direction = 'outbound' OR NEW.channel IN ('phone', 'video', 'in_person') OR (NEW.wait_start = 1 AND NEW.replied_at IS NOT NULL))
BEGIN
  DELETE FROM last_contacts WHERE org_id = NEW.org_id AND stakeholder_id = NEW.stakeholder_id AND channel = NEW.channel;
  INSERT INTO last_contacts (org_id, stakeholder_id, channel, at, counts_from)
    SELECT i.org_id, i.stakeholder_id, i.channel, i.occurred_at, CASE WHEN i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') THEN i.occurred_at ELSE max(i.occurred_at, i.replied_at) END FROM interactions i
    WHERE i.org_id = NEW.org_id AND i.stakeholder_id = NEW.stakeholder_id AND i.channel = NEW.channel AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND (i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') OR (i.wait_start = 1 AND i.replied_at IS NOT NULL))
    ORDER BY i.occurred_at DESC LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_last_contacts_delete AFTER DELETE ON interactions
WHEN OLD.stakeholder_id IS NOT NULL AND OLD.deleted = 0 AND OLD.automated = 0 AND OLD.internal = 0
  AND (OLD.direction = 'outbound' OR OLD.channel IN ('phone', 'video', 'in_person') OR (OLD.wait_start = 1 AND OLD.replied_at IS NOT NULL))
BEGIN
  DELETE FROM last_contacts WHERE org_id = OLD.org_id AND stakeholder_id = OLD.stakeholder_id AND channel = OLD.channel;
  INSERT INTO last_contacts (org_id, stakeholder_id, channel, at, counts_from)
    SELECT i.org_id, i.stakeholder_id, i.channel, i.occurred_at, CASE WHEN i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') THEN i.occurred_at ELSE max(i.occurred_at, i.replied_at) END FROM interactions i
    WHERE i.org_id = OLD.org_id AND i.stakeholder_id = OLD.stakeholder_id AND i.channel = OLD.channel AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND (i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') OR (i.wait_start = 1 AND i.replied_at IS NOT NULL))
    ORDER BY i.occurred_at DESC LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_last_contacts_update AFTER UPDATE OF org_id, stakeholder_id, channel, occurred_at, direction, deleted, automated, internal, wait_start, replied_at ON interactions
WHEN OLD.org_id IS NOT NEW.org_id OR OLD.stakeholder_id IS NOT NEW.stakeholder_id OR OLD.channel IS NOT NEW.channel OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.direction IS NOT NEW.direction OR OLD.deleted IS NOT NEW.deleted OR OLD.automated IS NOT NEW.automated OR OLD.internal IS NOT NEW.internal OR OLD.wait_start IS NOT NEW.wait_start OR OLD.replied_at IS NOT NEW.replied_at
BEGIN
  DELETE FROM last_contacts WHERE OLD.stakeholder_id IS NOT NULL AND org_id = OLD.org_id AND stakeholder_id = OLD.stakeholder_id AND channel = OLD.channel;
  INSERT INTO last_contacts (org_id, stakeholder_id, channel, at, counts_from)
    SELECT i.org_id, i.stakeholder_id, i.channel, i.occurred_at, CASE WHEN i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') THEN i.occurred_at ELSE max(i.occurred_at, i.replied_at) END FROM interactions i
    WHERE OLD.stakeholder_id IS NOT NULL AND i.org_id = OLD.org_id AND i.stakeholder_id = OLD.stakeholder_id AND i.channel = OLD.channel AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND (i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') OR (i.wait_start = 1 AND i.replied_at IS NOT NULL))
    ORDER BY i.occurred_at DESC LIMIT 1;
  DELETE FROM last_contacts WHERE NEW.stakeholder_id IS NOT NULL AND org_id = NEW.org_id AND stakeholder_id = NEW.stakeholder_id AND channel = NEW.channel;
  INSERT INTO last_contacts (org_id, stakeholder_id, channel, at, counts_from)
    SELECT i.org_id, i.stakeholder_id, i.channel, i.occurred_at, CASE WHEN i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') THEN i.occurred_at ELSE max(i.occurred_at, i.replied_at) END FROM interactions i
    WHERE NEW.stakeholder_id IS NOT NULL AND i.org_id = NEW.org_id AND i.stakeholder_id = NEW.stakeholder_id AND i.channel = NEW.channel AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND (i.direction = 'outbound' OR i.channel IN ('phone', 'video', 'in_person') OR (i.wait_start = 1 AND i.replied_at IS NOT NULL))
    ORDER BY i.occurred_at DESC LIMIT 1;
END;
