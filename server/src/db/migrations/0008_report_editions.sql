CREATE TABLE `report_editions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`period_from` integer NOT NULL,
	`period_to` integer NOT NULL,
	`language` text NOT NULL,
	`figures` text NOT NULL,
	`texts` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_editions_org_period` ON `report_editions` (`org_id`,`period_from`,`period_to`,`id`);