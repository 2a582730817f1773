CREATE TABLE "amanat_keys"."master_keys" (
	"generation" integer PRIMARY KEY NOT NULL,
	"check_value" "bytea" NOT NULL,
	"check_algorithm" text NOT NULL,
	"wrapped_root" "bytea",
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "amanat_keys"."subject_keys" ADD COLUMN "master_generation" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "master_keys_next_idx" ON "amanat_keys"."master_keys" USING btree ("status") WHERE "amanat_keys"."master_keys"."status" = 'next';