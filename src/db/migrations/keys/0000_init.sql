CREATE SCHEMA "amanat_keys";
--> statement-breakpoint
CREATE TABLE "amanat_keys"."subject_keys" (
	"subject_id" uuid PRIMARY KEY NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
