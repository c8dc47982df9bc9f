-- Each thread's first live message kept by triggers, so that every writer keeps it right (docs/metrics.md
-- "Roll-ups"). An insert can only make a message the first; a delete, or an update that moves, deletes or restores
-- a message, takes the thread's row away when that message was its first and finds the first again on the thread's
-- rows (index `interactions_org_thread`), then offers the message's new place as an insert does.
INSERT INTO thread_firsts (org_id, thread_key, first_id, first_at)
  SELECT org_id, thread_key, id, occurred_at FROM (
    SELECT org_id, thread_key, id, occurred_at,
      row_number() OVER (PARTITION BY org_id, thread_key ORDER BY occurred_at, id) AS k
    FROM interactions WHERE deleted = 0
  ) WHERE k = 1;
--> statement-breakpoint
CREATE TRIGGER interactions_thread_firsts_insert AFTER INSERT ON interactions WHEN NEW.deleted = 0
BEGIN
  INSERT INTO thread_firsts (org_id, thread_key, first_id, first_at) VALUES (NEW.org_id, NEW.thread_key, NEW.id, NEW.occurred_at)
    ON CONFLICT(org_id, thread_key) DO UPDATE SET first_id = excluded.first_id, first_at = excluded.first_at
    WHERE excluded.first_at < thread_firsts.first_at OR (excluded.first_at = thread_firsts.first_at AND excluded.first_id < thread_firsts.first_id);
END;
--> statement-breakpoint
CREATE TRIGGER interactions_thread_firsts_delete AFTER DELETE ON interactions WHEN OLD.deleted = 0
BEGIN
  DELETE FROM thread_firsts WHERE org_id = OLD.org_id AND thread_key = OLD.thread_key AND first_id = OLD.id;
  INSERT INTO thread_firsts (org_id, thread_key, first_id, first_at)
    SELECT i.org_id, i.thread_key, i.id, i.occurred_at FROM interactions i
    WHERE i.org_id = OLD.org_id AND i.thread_key = OLD.thread_key AND i.deleted = 0
      AND NOT EXISTS (SELECT 1 FROM thread_firsts f WHERE f.org_id = OLD.org_id AND f.thread_key = OLD.thread_key)
    ORDER BY i.occurred_at, i.id LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_thread_firsts_update AFTER UPDATE OF id, org_id, thread_key, occurred_at, deleted ON interactions
WHEN OLD.id IS NOT NEW.id OR OLD.org_id IS NOT NEW.org_id OR OLD.thread_key IS NOT NEW.thread_key OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.deleted IS NOT NEW.deleted
BEGIN
  DELETE FROM thread_firsts WHERE OLD.deleted = 0 AND org_id = OLD.org_id AND thread_key = OLD.thread_key AND first_id = OLD.id;
  INSERT INTO thread_firsts (org_id, thread_key, first_id, first_at)
    SELECT i.org_id, i.thread_key, i.id, i.occurred_at FROM interactions i
    WHERE OLD.deleted = 0 AND i.org_id = OLD.org_id AND i.thread_key = OLD.thread_key AND i.deleted = 0
      AND NOT EXISTS (SELECT 1 FROM thread_firsts f WHERE f.org_id = OLD.org_id AND f.thread_key = OLD.thread_key)
    ORDER BY i.occurred_at, i.id LIMIT 1;
  INSERT INTO thread_firsts (org_id, thread_key, first_id, first_at) SELECT NEW.org_id, NEW.thread_key, NEW.id, NEW.occurred_at WHERE NEW.deleted = 0
    ON CONFLICT(org_id, thread_key) DO UPDATE SET first_id = excluded.first_id, first_at = excluded.first_at
    WHERE excluded.first_at < thread_firsts.first_at OR (excluded.first_at = thread_firsts.first_at AND excluded.first_id < thread_firsts.first_id);
END;
