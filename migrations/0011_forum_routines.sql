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
CREATE INDEX "routine_occurrences_open_due" ON "routine_occurrences" USING btree ("status","due_date");