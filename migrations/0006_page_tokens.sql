CREATE TABLE "page_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"forum_key" text,
	"member_id" integer,
	"token_hash" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "page_tokens_hash" ON "page_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "page_tokens_scope" ON "page_tokens" USING btree ("scope","forum_key","member_id");