ALTER TABLE "forums" ADD COLUMN "inputs_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Issue 19: every write to what a forum's agenda shows bumps forums.inputs_version, once per forum and
-- transaction, at commit (deferred constraint triggers: the forum row is locked only while committing,
-- never across a command's round trips). The tick rebuilds an agenda only when it moved.
CREATE OR REPLACE FUNCTION samrad_bump_forum_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k text := CASE WHEN TG_OP = 'DELETE' THEN OLD.forum_key ELSE NEW.forum_key END;
  seen text := coalesce(current_setting('samrad.forums_bumped', true), '');
BEGIN
  IF position('|' || k || '|' IN seen) = 0 THEN
    UPDATE forums SET inputs_version = inputs_version + 1 WHERE key = k;
    PERFORM set_config('samrad.forums_bumped', CASE WHEN seen = '' THEN '|' ELSE seen END || k || '|', true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A member's name or e-mail shows in every agenda that names them: all forums are bumped.
CREATE OR REPLACE FUNCTION samrad_bump_all_forum_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF position('|*|' IN coalesce(current_setting('samrad.forums_bumped', true), '')) = 0 THEN
    UPDATE forums SET inputs_version = inputs_version + 1;
    PERFORM set_config('samrad.forums_bumped', coalesce(nullif(current_setting('samrad.forums_bumped', true), ''), '|') || '*|', true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_items_forum_inputs AFTER INSERT OR UPDATE OR DELETE ON case_items DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samrad_bump_forum_inputs();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER next_steps_forum_inputs AFTER INSERT OR UPDATE OR DELETE ON next_steps DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samrad_bump_forum_inputs();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER handovers_forum_inputs AFTER INSERT OR UPDATE OR DELETE ON handovers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samrad_bump_forum_inputs();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER topics_forum_inputs AFTER INSERT OR UPDATE OR DELETE ON topics DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samrad_bump_forum_inputs();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER meetings_forum_inputs AFTER INSERT OR DELETE ON meetings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samrad_bump_forum_inputs();
--> statement-breakpoint
-- Recording which agenda went out (agenda_post) is not a change of the agenda's inputs.
CREATE CONSTRAINT TRIGGER meetings_forum_inputs_update AFTER UPDATE ON meetings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'agenda_post') IS DISTINCT FROM (to_jsonb(NEW) - 'agenda_post')) EXECUTE FUNCTION samrad_bump_forum_inputs();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER members_forum_inputs AFTER UPDATE ON members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.email IS DISTINCT FROM NEW.email OR OLD.external_id IS DISTINCT FROM NEW.external_id) EXECUTE FUNCTION samrad_bump_all_forum_inputs();
