CREATE TABLE "routine_occurrences" (
	"id" serial PRIMARY KEY NOT NULL,
	"forum_key" text NOT NULL,
	"routine_key" text NOT NULL,
	"due_date" text NOT NULL,
	"owner" text NOT NULL,
	"owner_member_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "routine_occurrences_once" ON "routine_occurrences" USING btree ("forum_key","routine_key","due_date");--> statement-breakpoint
CREATE INDEX "routine_occurrences_open_due" ON "routine_occurrences" USING btree ("status","due_date");--> statement-breakpoint
-- The agenda shows the forum's open routines: their changes bump forums.inputs_version like a step's (0011).
CREATE CONSTRAINT TRIGGER routine_occurrences_forum_inputs AFTER INSERT OR UPDATE OR DELETE ON routine_occurrences DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samrad_bump_forum_inputs();
