ALTER TABLE "case_items" ADD COLUMN "category" text;--> statement-breakpoint
CREATE INDEX "outbox_replaces" ON "outbox" USING btree ("replaces");