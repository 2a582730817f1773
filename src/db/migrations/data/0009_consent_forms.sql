ALTER TABLE "consents" ADD COLUMN "form_sha256" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "lang" text;