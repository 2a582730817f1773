CREATE TABLE "anonymous_aggregates" (
	"purpose_id" text NOT NULL,
	"field_id" text NOT NULL,
	"period" text NOT NULL,
	"values" bigint NOT NULL,
	CONSTRAINT "anonymous_aggregates_purpose_id_field_id_period_pk" PRIMARY KEY("purpose_id","field_id","period")
);
--> statement-breakpoint
CREATE TABLE "destruction_acts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"request_id" uuid,
	"run_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"retain_until" timestamp with time zone,
	"data" jsonb,
	"pdf" "bytea"
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"field_ids" text[],
	"reason" text NOT NULL,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" text,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "operator_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"liquidation_date" date,
	"declared_at" timestamp with time zone,
	"declared_by" text,
	"retention_fingerprint" text
);
--> statement-breakpoint
CREATE TABLE "retention_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"purpose_id" text,
	"contract_ref" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"instance" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"act_id" uuid,
	"values_destroyed" bigint DEFAULT 0 NOT NULL,
	"subjects_destroyed" bigint DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "personal_values" ADD COLUMN "marked_request_id" uuid;--> statement-breakpoint
ALTER TABLE "personal_values" ADD COLUMN "next_retention_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "personal_values" ADD COLUMN "retain_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "destroyed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "key_destroyed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_events" ADD CONSTRAINT "retention_events_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "destruction_acts_request_idx" ON "destruction_acts" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "destruction_acts_status_idx" ON "destruction_acts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "legal_holds_active_idx" ON "legal_holds" USING btree ("subject_id") WHERE lifted_at IS NULL;--> statement-breakpoint
CREATE INDEX "retention_events_subject_idx" ON "retention_events" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "retention_runs_status_idx" ON "retention_runs" USING btree ("status","as_of");--> statement-breakpoint
CREATE INDEX "personal_values_retention_idx" ON "personal_values" USING btree ("subject_id","next_retention_at") WHERE next_retention_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "personal_values_due_idx" ON "personal_values" USING btree ("next_retention_at") WHERE next_retention_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "personal_values_request_idx" ON "personal_values" USING btree ("marked_request_id") WHERE marked_request_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_act_idx" ON "audit_log" USING btree (("details" ->> 'act_id')) WHERE "audit_log"."details" ? 'act_id';--> statement-breakpoint
INSERT INTO "operator_state" ("id") VALUES (1) ON CONFLICT DO NOTHING;
