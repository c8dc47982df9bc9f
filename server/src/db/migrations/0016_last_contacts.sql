CREATE TABLE `last_contacts` (
	`org_id` text NOT NULL,
	`stakeholder_id` text NOT NULL,
	`channel` text NOT NULL,
	`at` integer NOT NULL,
	`counts_from` integer NOT NULL,
	PRIMARY KEY(`org_id`, `stakeholder_id`, `channel`)
);
