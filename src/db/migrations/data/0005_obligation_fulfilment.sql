ALTER TABLE "obligations" ADD COLUMN "fulfilment" jsonb;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "destruction_act_id" uuid;