ALTER TABLE "meetings" DROP COLUMN "agenda_snapshot";--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "agenda_post_ref";