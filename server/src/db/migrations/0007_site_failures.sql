CREATE TABLE `site_failures` (
	`org_id` text NOT NULL,
	`client_id` text NOT NULL,
	`user_id` text NOT NULL,
	`site` text NOT NULL,
	`adapter_version` text NOT NULL,
	`field` text NOT NULL,
	`host` text NOT NULL,
	`count` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`reported_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `client_id`, `site`, `adapter_version`, `field`, `host`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
