-- An insert can only bring a newer last contact, so its trigger now offers the new row to `last_contacts` without
-- reading the interactions: bulk loads that drop the interactions' indexes while they insert (the benches) wrote in
-- quadratic time through the seek, and a push no longer seeks per row. Ties on `at` keep the earliest `counts_from`.
DROP TRIGGER interactions_last_contacts_insert;
--> statement-breakpoint
CREATE TRIGGER interactions_last_contacts_insert AFTER INSERT ON interactions
WHEN NEW.stakeholder_id IS NOT NULL AND NEW.deleted = 0 AND NEW.automated = 0 AND NEW.internal = 0
  AND (NEW.direction = 'outbound' OR NEW.channel IN ('phone', 'video', 'in_person') OR (NEW.wait_start = 1 AND NEW.replied_at IS NOT NULL))
BEGIN
  INSERT INTO last_contacts (org_id, stakeholder_id, channel, at, counts_from)
    VALUES (NEW.org_id, NEW.stakeholder_id, NEW.channel, NEW.occurred_at,
      CASE WHEN NEW.direction = 'outbound' OR NEW.channel IN ('phone', 'video', 'in_person') THEN NEW.occurred_at ELSE max(NEW.occurred_at, NEW.replied_at) END)
    ON CONFLICT (org_id, stakeholder_id, channel) DO UPDATE SET at = excluded.at, counts_from = excluded.counts_from
      WHERE excluded.at > last_contacts.at OR (excluded.at = last_contacts.at AND excluded.counts_from < last_contacts.counts_from);
END;
