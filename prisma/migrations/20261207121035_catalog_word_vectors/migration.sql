-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "wordVector" tsvector;

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "wordVector" tsvector;

-- The catalogue's words as written (the 'simple' configuration: lower case, not stemmed), stored
-- beside the search vector and kept by the same triggers, so that the search's typo tolerance
-- reads its vocabulary with ts_stat over stored vectors instead of parsing every published text
-- again (docs/decisions/0064: about 0.5 s of CPU at 7,000 published practices, now about 25 ms).
-- A practice's words include its region's and province's names, as the vocabulary did. Only what
-- a correction can be (words longer than 3 letters), without positions: each practice row
-- grows by about 0.2 kB rather than 0.36 kB, as every search's scan of the table reads it.
CREATE FUNCTION lintas_correctable_words(text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE AS $$
  SELECT array_to_tsvector(ARRAY(
    SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', $1))) AS w
    WHERE length(w) > 3))
$$;

CREATE OR REPLACE FUNCTION lintas_practice_search_vector() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  region_names text := (SELECT concat_ws(' ', r.name, pr.name) FROM "Region" r
    LEFT JOIN "Region" pr ON pr.code = r."provinceCode" WHERE r.code = NEW."regionCode");
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('indonesian', COALESCE(NEW.name, '')), 'A')
    || setweight(to_tsvector('indonesian',
      concat_ws(' ', NEW.summary, NEW.sector, array_to_string(NEW.tags, ' '))), 'B')
    || setweight(to_tsvector('indonesian', concat_ws(' ', NEW.problem, NEW.solution, NEW.results)), 'C')
    || setweight(to_tsvector('indonesian', concat_ws(' ', region_names,
      lintas_spm_words(NEW."spmField"::text))), 'D');
  NEW."wordVector" := lintas_correctable_words(concat_ws(' ', lintas_practice_text(NEW), region_names));
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION lintas_lesson_search_vector() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('indonesian', COALESCE(NEW.title, '')), 'A')
    || setweight(to_tsvector('indonesian', concat_ws(' ', NEW.summary, array_to_string(NEW.tags, ' '))), 'B')
    || setweight(to_tsvector('indonesian', COALESCE(
      (SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(NEW.content, 'strict $.**.text') AS t), '')), 'C');
  NEW."wordVector" := lintas_correctable_words(lintas_lesson_text(NEW));
  RETURN NEW;
END
$$;

-- fill the new column through the triggers
UPDATE "Practice" SET "searchVector" = NULL;
UPDATE "Lesson" SET "searchVector" = NULL;
