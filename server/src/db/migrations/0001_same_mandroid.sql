CREATE TABLE `dismissed_handles` (
	`org_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`dismissed_by` text,
	`dismissed_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `kind`, `value`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dismissed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
