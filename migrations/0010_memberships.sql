CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"email" text,
	"organisation_key" text NOT NULL,
	"forum_key" text NOT NULL,
	"added_by" integer,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_identity" ON "memberships" USING btree ("platform","external_id");--> statement-breakpoint
CREATE INDEX "memberships_email" ON "memberships" USING btree ("email");