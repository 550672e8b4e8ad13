ALTER TABLE "meetings" ADD COLUMN "walk_state" jsonb;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda_post" jsonb;--> statement-breakpoint
-- agenda_snapshot held either shape; each goes to its own column (the next migration drops the old one).
UPDATE "meetings" SET "walk_state" = "agenda_snapshot" WHERE jsonb_typeof("agenda_snapshot"->'items') = 'array';--> statement-breakpoint
UPDATE "meetings" SET "agenda_post" = "agenda_snapshot" WHERE "agenda_snapshot" ? 'fingerprint';
