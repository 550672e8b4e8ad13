CREATE TABLE "organisations" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"email" text,
	"display_name" text,
	"organisation_key" text,
	"language" text,
	"chat_ref" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forums" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefix" text NOT NULL,
	"every_weeks" integer NOT NULL,
	"anchor" text NOT NULL,
	"time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"agenda_lead_working_days" integer NOT NULL,
	"holiday_policy" text NOT NULL,
	"coordinator_email" text,
	"coordinator_member_id" integer,
	"channel_platform" text,
	"channel_id" text,
	"channel_ref" jsonb,
	"linked_at" timestamp with time zone,
	"calendar_token" text
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"forum_key" text NOT NULL,
	"scheduled_date" text NOT NULL,
	"date" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"note" text,
	"current_item" integer,
	"agenda_snapshot" jsonb,
	"agenda_post_ref" jsonb,
	"minutes" jsonb,
	"minutes_status" text,
	"approvals" jsonb,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_counters" (
	"forum_key" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_counters_forum_key_year_pk" PRIMARY KEY("forum_key","year")
);
--> statement-breakpoint
CREATE TABLE "case_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"forum_key" text NOT NULL,
	"raised_by" integer NOT NULL,
	"organisation_key" text NOT NULL,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent" text DEFAULT 'okänt' NOT NULL,
	"question" text,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" serial PRIMARY KEY NOT NULL,
	"forum_key" text NOT NULL,
	"text" text NOT NULL,
	"raised_by" integer NOT NULL,
	"organisation_key" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"meeting_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "next_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"forum_key" text NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_organisation_key" text,
	"due_date" text NOT NULL,
	"text" text,
	"status" text DEFAULT 'open' NOT NULL,
	"meeting_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "handover_templates" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"from_organisation_key" text NOT NULL,
	"to_organisation_key" text NOT NULL,
	"due_working_days" integer NOT NULL,
	"definition" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" serial PRIMARY KEY NOT NULL,
	"template_key" text NOT NULL,
	"case_id" integer NOT NULL,
	"forum_key" text NOT NULL,
	"from_member_id" integer NOT NULL,
	"from_organisation_key" text,
	"to_member_id" integer NOT NULL,
	"to_organisation_key" text,
	"due_date" text NOT NULL,
	"fields" jsonb,
	"flags" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" integer
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"target" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"replaces" text,
	"case_code" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"sent_ref" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor_organisation_key" text,
	"action" text NOT NULL,
	"forum_key" text,
	"case_code" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "members_platform_external" ON "members" USING btree ("platform","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forums_channel" ON "forums" USING btree ("channel_platform","channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_forum_scheduled" ON "meetings" USING btree ("forum_key","scheduled_date");--> statement-breakpoint
CREATE UNIQUE INDEX "case_items_code" ON "case_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "case_items_forum_status" ON "case_items" USING btree ("forum_key","status");--> statement-breakpoint
CREATE INDEX "case_items_closed" ON "case_items" USING btree ("status","closed_at");--> statement-breakpoint
CREATE INDEX "topics_forum_status" ON "topics" USING btree ("forum_key","status");--> statement-breakpoint
CREATE INDEX "next_steps_open_due" ON "next_steps" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "next_steps_case" ON "next_steps" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "next_steps_owner" ON "next_steps" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "handovers_open_due" ON "handovers" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "handovers_case" ON "handovers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "handovers_to" ON "handovers" USING btree ("to_member_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_key" ON "outbox" USING btree ("key");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_case" ON "outbox" USING btree ("case_code");--> statement-breakpoint
CREATE INDEX "audit_case" ON "audit_log" USING btree ("case_code");