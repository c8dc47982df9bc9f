CREATE TABLE `media_coverage` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`outlet_stakeholder_id` text NOT NULL,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`published_at` integer NOT NULL,
	`tone` text,
	`reach` integer,
	`event_tag` text,
	`clarified_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `media_coverage_org_published` ON `media_coverage` (`org_id`,`published_at`);--> statement-breakpoint
CREATE INDEX `media_coverage_org_user_published` ON `media_coverage` (`org_id`,`user_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`instrument` text NOT NULL,
	`score` real NOT NULL,
	`scale` integer,
	`stakeholder_id` text,
	`stakeholder_type` text NOT NULL,
	`dimension` text,
	`answered_at` integer NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_responses_org_answered` ON `survey_responses` (`org_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `survey_responses_org_user_answered` ON `survey_responses` (`org_id`,`user_id`,`answered_at`);--> statement-breakpoint
CREATE TABLE `thread_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`thread_key` text NOT NULL,
	`event` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `thread_outcomes_org_thread` ON `thread_outcomes` (`org_id`,`thread_key`);--> statement-breakpoint
ALTER TABLE `interactions` ADD `purpose` text;