ALTER TABLE "access_list_versions" ADD COLUMN "audit_seq" bigint;--> statement-breakpoint
ALTER TABLE "access_list_versions" ADD COLUMN "audit_hash" "bytea";