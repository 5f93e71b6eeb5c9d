-- How many live tasks each container (an owner's Inbox 'u:<user>' or a project 'p:<project>', as 0004 spells it)
-- holds, kept by a trigger, so the list's `total` for an unfiltered list (all, pending or completed; top-level or
-- not; one project or all) is a sum over the caller's containers instead of a count over their history
-- (decision 026). A task counts while deleted_at is null.
CREATE TABLE "container_counts" (
	"container" text PRIMARY KEY NOT NULL,
	"live" integer NOT NULL DEFAULT 0,
	"pending" integer NOT NULL DEFAULT 0,
	"top_live" integer NOT NULL DEFAULT 0,
	"top_pending" integer NOT NULL DEFAULT 0
);--> statement-breakpoint
CREATE OR REPLACE FUNCTION todo_count_container(c text, live integer, pending integer, top_live integer, top_pending integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO container_counts AS cc (container, live, pending, top_live, top_pending)
    VALUES (c, live, pending, top_live, top_pending)
    ON CONFLICT (container) DO UPDATE SET
      live = cc.live + excluded.live, pending = cc.pending + excluded.pending,
      top_live = cc.top_live + excluded.top_live, top_pending = cc.top_pending + excluded.top_pending;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION todo_container_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_c text; new_c text;
  o_live int := 0; o_pending int := 0; o_top int := 0; o_top_pending int := 0;
  n_live int := 0; n_pending int := 0; n_top int := 0; n_top_pending int := 0;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
    old_c := CASE WHEN OLD.project_id IS NULL THEN 'u:' || OLD.user_id ELSE 'p:' || OLD.project_id END;
    o_live := 1;
    o_pending := CASE WHEN OLD.completed THEN 0 ELSE 1 END;
    o_top := CASE WHEN OLD.parent_id IS NULL THEN 1 ELSE 0 END;
    o_top_pending := o_pending * o_top;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
    new_c := CASE WHEN NEW.project_id IS NULL THEN 'u:' || NEW.user_id ELSE 'p:' || NEW.project_id END;
    n_live := 1;
    n_pending := CASE WHEN NEW.completed THEN 0 ELSE 1 END;
    n_top := CASE WHEN NEW.parent_id IS NULL THEN 1 ELSE 0 END;
    n_top_pending := n_pending * n_top;
  END IF;
  IF old_c IS NOT DISTINCT FROM new_c THEN
    -- An edit that changes none of the counted facts (most of them) touches no counter row.
    IF new_c IS NOT NULL AND (n_pending <> o_pending OR n_top <> o_top) THEN
      PERFORM todo_count_container(new_c, 0, n_pending - o_pending, n_top - o_top, n_top_pending - o_top_pending);
    END IF;
  ELSE
    -- Counter rows in a fixed order (by container), so two moves in opposite directions cannot deadlock.
    IF old_c IS NOT NULL AND (new_c IS NULL OR old_c < new_c) THEN
      PERFORM todo_count_container(old_c, -o_live, -o_pending, -o_top, -o_top_pending);
      IF new_c IS NOT NULL THEN PERFORM todo_count_container(new_c, n_live, n_pending, n_top, n_top_pending); END IF;
    ELSE
      IF new_c IS NOT NULL THEN PERFORM todo_count_container(new_c, n_live, n_pending, n_top, n_top_pending); END IF;
      IF old_c IS NOT NULL THEN PERFORM todo_count_container(old_c, -o_live, -o_pending, -o_top, -o_top_pending); END IF;
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tasks_container_counts AFTER INSERT OR UPDATE OR DELETE ON "tasks" FOR EACH ROW EXECUTE FUNCTION todo_container_counts_change();--> statement-breakpoint
INSERT INTO container_counts (container, live, pending, top_live, top_pending)
  SELECT CASE WHEN project_id IS NULL THEN 'u:' || user_id ELSE 'p:' || project_id END,
         count(*), count(*) FILTER (WHERE NOT completed), count(*) FILTER (WHERE parent_id IS NULL),
         count(*) FILTER (WHERE NOT completed AND parent_id IS NULL)
    FROM tasks WHERE deleted_at IS NULL GROUP BY 1;
