CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_org_user` ON `api_tokens` (`org_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `followups` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`due_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`stakeholder_id` text,
	`thread_key` text,
	`url` text,
	`status` text DEFAULT 'open' NOT NULL,
	`snoozed_until` integer,
	`deleted` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `followups_org_seq` ON `followups` (`org_id`,`seq`);--> statement-breakpoint
CREATE INDEX `followups_org_user_seq` ON `followups` (`org_id`,`user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `followups_open_due` ON `followups` (`org_id`,`user_id`,`due_at`) WHERE status = 'open' AND deleted = 0;--> statement-breakpoint
CREATE TABLE `identities` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`stakeholder_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identities_org_kind_value` ON `identities` (`org_id`,`kind`,`value`);--> statement-breakpoint
CREATE INDEX `identities_stakeholder` ON `identities` (`stakeholder_id`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`source` text NOT NULL,
	`external_id` text,
	`thread_key` text NOT NULL,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`stakeholder_id` text,
	`stakeholder_type` text NOT NULL,
	`author_name` text NOT NULL,
	`author_handle` text,
	`title` text,
	`snippet` text,
	`url` text,
	`duration_min` integer,
	`note` text,
	`automated` integer DEFAULT false NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`seq` integer NOT NULL,
	`wait_start` integer DEFAULT false NOT NULL,
	`first_response` integer DEFAULT false NOT NULL,
	`replied_at` integer,
	`replied_by` text,
	`reply_id` text,
	`response_ms` integer,
	`response_work_ms` integer,
	`deadline_at` integer,
	`on_time` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_org_source_external` ON `interactions` (`org_id`,`source`,`external_id`) WHERE external_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `interactions_org_occurred` ON `interactions` (`org_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_org_thread` ON `interactions` (`org_id`,`thread_key`);--> statement-breakpoint
CREATE INDEX `interactions_org_stakeholder` ON `interactions` (`org_id`,`stakeholder_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_org_seq` ON `interactions` (`org_id`,`seq`);--> statement-breakpoint
CREATE INDEX `interactions_org_user_seq` ON `interactions` (`org_id`,`user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `interactions_org_user_occurred` ON `interactions` (`org_id`,`user_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_unanswered` ON `interactions` (`org_id`,`deadline_at`) WHERE wait_start = 1 AND replied_at IS NULL AND deleted = 0 AND on_time = 'pending';--> statement-breakpoint
CREATE TABLE `never_log` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `never_log_org_kind_value` ON `never_log` (`org_id`,`kind`,`value`) WHERE user_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `never_log_org_user_kind_value` ON `never_log` (`org_id`,`user_id`,`kind`,`value`) WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `org_seq` (
	`org_id` text PRIMARY KEY NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `orgs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`capture_level` text DEFAULT 'subject' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`org_id` text NOT NULL,
	`version` integer NOT NULL,
	`plan` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	PRIMARY KEY(`org_id`, `version`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snoozes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`target_id` text NOT NULL,
	`until` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `snoozes_org_user_target` ON `snoozes` (`org_id`,`user_id`,`kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `stakeholders` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`tier` text DEFAULT 'standard' NOT NULL,
	`organization` text,
	`owner_user_id` text,
	`cadence_ideal_days` integer,
	`cadence_max_days` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stakeholders_org_seq` ON `stakeholders` (`org_id`,`seq`);--> statement-breakpoint
CREATE INDEX `stakeholders_org_name` ON `stakeholders` (`org_id`,`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_org_email` ON `users` (`org_id`,`email`);--> statement-breakpoint
CREATE TABLE `wait_closures` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`interaction_id` text NOT NULL,
	`reason` text NOT NULL,
	`closed_by` text NOT NULL,
	`closed_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wait_closures_org_interaction` ON `wait_closures` (`org_id`,`interaction_id`);