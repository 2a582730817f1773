CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"mailbox" text,
	"uid_validity" bigint,
	"uid" bigint,
	"size" integer NOT NULL,
	"raw_ciphertext" "bytea" NOT NULL,
	"sender_hash" "bytea",
	"classification" text NOT NULL,
	"note" text,
	"request_id" uuid,
	"dropped_attachments" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox_cursors" (
	"mailbox" text PRIMARY KEY NOT NULL,
	"uid_validity" bigint NOT NULL,
	"last_uid" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"subject_id" uuid,
	"contact_hash" "bytea" NOT NULL,
	"contact_ciphertext" "bytea" NOT NULL,
	"details_ciphertext" "bytea",
	"scope" jsonb NOT NULL,
	"language" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"deadline" jsonb NOT NULL,
	"extension_reason" text,
	"verification" jsonb,
	"assignee" text,
	"inbound_message_id" uuid,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"outcome" jsonb,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_codes" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"code_hash" "bytea" NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL,
	"max_attempts" integer NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_imap_uq" ON "inbound_messages" USING btree ("mailbox","uid_validity","uid") WHERE mailbox IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subject_requests_number_uq" ON "subject_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "subject_requests_open_due_idx" ON "subject_requests" USING btree ("due_date") WHERE status IN ('received', 'verifying', 'in_progress');--> statement-breakpoint
CREATE INDEX "subject_requests_contact_idx" ON "subject_requests" USING btree ("contact_hash","received_at");--> statement-breakpoint
CREATE INDEX "subject_requests_subject_idx" ON "subject_requests" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_request_idx" ON "audit_log" USING btree (("details" ->> 'request_id')) WHERE "audit_log"."details" ? 'request_id';