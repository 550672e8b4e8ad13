CREATE TABLE "requests_seen" (
	"key" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "uncertain" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "requests_seen_at" ON "requests_seen" USING btree ("seen_at");