CREATE TABLE `thread_firsts` (
	`org_id` text NOT NULL,
	`thread_key` text NOT NULL,
	`first_id` text NOT NULL,
	`first_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `thread_key`)
);
--> statement-breakpoint
CREATE INDEX `thread_firsts_org_first` ON `thread_firsts` (`org_id`,`first_at`,`first_id`);