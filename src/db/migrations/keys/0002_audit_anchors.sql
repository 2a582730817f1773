CREATE TABLE "amanat_keys"."audit_anchors" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	"anchored_at" timestamp with time zone NOT NULL
);
