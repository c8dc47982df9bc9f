CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`title` text NOT NULL,
	`stakeholder_type` text,
	`stakeholder_ids` text NOT NULL,
	`channel` text NOT NULL,
	`owner_user_id` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`milestones` text NOT NULL,
	`recurrence` text NOT NULL,
	`status` text NOT NULL,
	`held_interaction_id` text,
	`invited` integer,
	`attended` integer,
	`held_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_org_start` ON `activities` (`org_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `activities_org_owner_start` ON `activities` (`org_id`,`owner_user_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `cost_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`month` text NOT NULL,
	`category` text NOT NULL,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cost_entries_org_month` ON `cost_entries` (`org_id`,`month`);--> statement-breakpoint
CREATE TABLE `revenues` (
	`org_id` text NOT NULL,
	`month` text NOT NULL,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revenues_org_month` ON `revenues` (`org_id`,`month`);--> statement-breakpoint
ALTER TABLE `interactions` ADD `invited` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `attended` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `series` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `project_status` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `done_at` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `reposts` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `comments` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `likes` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `reads` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `followers` integer;