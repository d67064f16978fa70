-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Lesson_searchVector_idx" ON "Lesson" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Practice_searchVector_idx" ON "Practice" USING GIN ("searchVector");

-- The searchable text of a practice and of a lesson (a lesson's notes: only the words the reader
-- sees, not the editor's JSON keys), and triggers that keep "searchVector" in step on every
-- insert and update. Catalogue search matches and ranks on the stored vector through the GIN index.
CREATE FUNCTION lintas_practice_text(p "Practice") RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(' ', p.name, p.summary, p.problem, p.solution, p.results, p.sector,
    array_to_string(p.tags, ' '))
$$;

CREATE FUNCTION lintas_lesson_text(l "Lesson") RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(' ', l.title, l.summary,
    (SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(l.content, 'strict $.**.text') AS t),
    array_to_string(l.tags, ' '))
$$;

CREATE FUNCTION lintas_practice_search_vector() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('indonesian', lintas_practice_text(NEW));
  RETURN NEW;
END
$$;

CREATE FUNCTION lintas_lesson_search_vector() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('indonesian', lintas_lesson_text(NEW));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Practice_searchVector" BEFORE INSERT OR UPDATE ON "Practice"
  FOR EACH ROW EXECUTE FUNCTION lintas_practice_search_vector();
CREATE TRIGGER "Lesson_searchVector" BEFORE INSERT OR UPDATE ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION lintas_lesson_search_vector();

UPDATE "Practice" SET "searchVector" = to_tsvector('indonesian', lintas_practice_text("Practice"));
UPDATE "Lesson" SET "searchVector" = to_tsvector('indonesian', lintas_lesson_text("Lesson"));
