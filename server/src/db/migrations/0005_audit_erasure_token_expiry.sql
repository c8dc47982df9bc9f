CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`detail` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_log_org_at` ON `audit_log` (`org_id`,`at`);--> statement-breakpoint
CREATE TABLE `erasures` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`stakeholder_id` text NOT NULL,
	`interaction_ids` text NOT NULL,
	`followup_ids` text NOT NULL,
	`erased_at` integer NOT NULL,
	`erased_by` text,
	`seq` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `erasures_org_seq` ON `erasures` (`org_id`,`seq`);--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` integer;