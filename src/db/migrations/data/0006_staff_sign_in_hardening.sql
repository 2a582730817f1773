CREATE TABLE "staff_mail_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"letter" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "staff_sign_in_failures" (
	"email_hash" "bytea" PRIMARY KEY NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD COLUMN "totp_pending_secret" "bytea";--> statement-breakpoint
ALTER TABLE "staff_mail_outbox" ADD CONSTRAINT "staff_mail_outbox_staff_id_staff_accounts_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_mail_outbox_pending_idx" ON "staff_mail_outbox" USING btree ("created_at") WHERE "staff_mail_outbox"."sent_at" IS NULL;