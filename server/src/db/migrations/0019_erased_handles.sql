CREATE TABLE `erased_handles` (
	`org_id` text NOT NULL,
	`hash` text NOT NULL,
	`erasure_id` text NOT NULL,
	`erased_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `hash`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `erasure_keys` (
	`org_id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
