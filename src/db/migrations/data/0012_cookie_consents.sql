CREATE TABLE "cookie_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"visitor_id" uuid NOT NULL,
	"policy_version" text NOT NULL,
	"lang" text NOT NULL,
	"text_hash" text NOT NULL,
	"choices" jsonb NOT NULL,
	"method" text NOT NULL,
	"gpc" boolean NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"subject_id" uuid
);
--> statement-breakpoint
ALTER TABLE "cookie_consents" ADD CONSTRAINT "cookie_consents_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cookie_consents_visitor_idx" ON "cookie_consents" USING btree ("visitor_id","decided_at");--> statement-breakpoint
CREATE INDEX "cookie_consents_received_idx" ON "cookie_consents" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "cookie_consents_subject_idx" ON "cookie_consents" USING btree ("subject_id") WHERE "cookie_consents"."subject_id" IS NOT NULL;