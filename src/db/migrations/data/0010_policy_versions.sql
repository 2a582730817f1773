CREATE TABLE "policy_documents" (
	"version_id" text NOT NULL,
	"name" text NOT NULL,
	"lang" text NOT NULL,
	"media_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "policy_documents_version_id_name_lang_pk" PRIMARY KEY("version_id","name","lang")
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_on" date NOT NULL,
	"register_sha256" text NOT NULL,
	"register" jsonb NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_versions_published_idx" ON "policy_versions" USING btree ("published_on","published_at");