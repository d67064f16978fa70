-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "hasResults" BOOLEAN NOT NULL DEFAULT false;

-- Whether a practice has results (its own text says something, or its project has a measurement),
-- stored so that catalogue search counts and filters "with results" without probing indicators
-- and measurements for every match (docs/decisions/0064: 5,825 probes, about a third of a broad
-- search's time at 10k practices). Kept by triggers on Practice, Measurement and Indicator.
CREATE FUNCTION lintas_practice_has_results(results text, project text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT COALESCE(results, '') <> '' OR (project IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Indicator" i JOIN "Measurement" m ON m."indicatorId" = i.id
    WHERE i."projectId" = project))
$$;

CREATE FUNCTION lintas_practice_set_has_results() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."hasResults" := lintas_practice_has_results(NEW.results, NEW."projectId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Practice_hasResults" BEFORE INSERT OR UPDATE ON "Practice"
  FOR EACH ROW EXECUTE FUNCTION lintas_practice_set_has_results();

-- the practices of the projects whose measurements changed (`changed`: the statement's rows,
-- each with its project) are updated only where the answer moves, so a progress update touches
-- a practice once: with its project's first measurement, or after its last is deleted
CREATE FUNCTION lintas_measurements_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Practice" p SET "hasResults" = lintas_practice_has_results(p.results, p."projectId")
  WHERE p."projectId" IN (
      SELECT i."projectId" FROM "Indicator" i WHERE i.id IN (SELECT "indicatorId" FROM changed))
    AND p."hasResults" IS DISTINCT FROM lintas_practice_has_results(p.results, p."projectId");
  RETURN NULL;
END
$$;

CREATE FUNCTION lintas_indicators_deleted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Practice" p SET "hasResults" = lintas_practice_has_results(p.results, p."projectId")
  WHERE p."projectId" IN (SELECT "projectId" FROM changed)
    AND p."hasResults" IS DISTINCT FROM lintas_practice_has_results(p.results, p."projectId");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Measurement_added_hasResults" AFTER INSERT ON "Measurement"
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_measurements_changed();
CREATE TRIGGER "Measurement_deleted_hasResults" AFTER DELETE ON "Measurement"
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_measurements_changed();
-- an indicator deleted with its measurements: they cascade after it is gone
CREATE TRIGGER "Indicator_deleted_hasResults" AFTER DELETE ON "Indicator"
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_indicators_deleted();

UPDATE "Practice" SET "hasResults" = lintas_practice_has_results(results, "projectId");
