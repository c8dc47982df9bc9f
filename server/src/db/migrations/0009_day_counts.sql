CREATE TABLE `interaction_day_counts` (
	`org_id` text NOT NULL,
	`day` integer NOT NULL,
	`stakeholder_type` text NOT NULL,
	`channel` text NOT NULL,
	`user_id` text NOT NULL,
	`direction` text NOT NULL,
	`purpose` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`org_id`, `day`, `stakeholder_type`, `channel`, `user_id`, `direction`, `purpose`)
);
--> statement-breakpoint
CREATE TABLE `org_zone_offsets` (
	`org_id` text NOT NULL,
	`start_ms` integer NOT NULL,
	`offset_ms` integer NOT NULL,
	`time_zone` text NOT NULL,
	PRIMARY KEY(`org_id`, `start_ms`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
