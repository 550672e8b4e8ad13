ALTER TABLE "meetings" ADD COLUMN "attendance" jsonb;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "document_sha256" text;