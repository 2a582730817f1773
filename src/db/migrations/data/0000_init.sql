CREATE TABLE "personal_values" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"field_id" text NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"purposes" text[] NOT NULL,
	"legal_bases" jsonb NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"marked_reason" text,
	"destroy_by" timestamp with time zone,
	"collected_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_identities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"lookup_hash" "bytea" NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" "bytea" NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject_id" uuid,
	"purpose_id" text,
	"field_ids" text[] NOT NULL,
	"details" jsonb NOT NULL,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"purpose_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"text" text NOT NULL,
	"text_sha256" text NOT NULL,
	"policy_version" text NOT NULL,
	"evidence_ciphertext" "bytea" NOT NULL,
	"data_fields" text[] NOT NULL,
	"term" text,
	"third_party_transfer" boolean NOT NULL,
	"cross_border_transfer" boolean NOT NULL,
	"publication_allowed" boolean NOT NULL,
	"publication_fields" jsonb,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_channel" text
);
--> statement-breakpoint
CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"purpose_id" text NOT NULL,
	"consent_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"deadline" jsonb NOT NULL,
	"fulfilled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "personal_values" ADD CONSTRAINT "personal_values_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_identities" ADD CONSTRAINT "subject_identities_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_values_subject_idx" ON "personal_values" USING btree ("subject_id","field_id");--> statement-breakpoint
CREATE INDEX "personal_values_marked_idx" ON "personal_values" USING btree ("destroy_by") WHERE status = 'marked_for_destruction';--> statement-breakpoint
CREATE UNIQUE INDEX "subject_identities_kind_hash_uq" ON "subject_identities" USING btree ("kind","lookup_hash");--> statement-breakpoint
CREATE INDEX "subject_identities_subject_idx" ON "subject_identities" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "api_keys_prefix_idx" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_one_active_uq" ON "consents" USING btree ("subject_id","purpose_id","kind") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "consents_subject_idx" ON "consents" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "obligations_status_due_idx" ON "obligations" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "obligations_subject_idx" ON "obligations" USING btree ("subject_id");