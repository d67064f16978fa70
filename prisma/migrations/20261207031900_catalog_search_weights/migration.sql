-- Field weights for ranking the catalogue search (docs/decisions/0046): a practice's name weighs
-- most (A), then its summary, sector and tags (B), then problem, solution and results (C), and its
-- region's and province's names and SPM field (D), so "sanitasi kendari" or "pekerjaan umum" find
-- practices whose text does not repeat them. A lesson: title A, summary and tags B, notes C.
-- The text the vocabulary is read from (lintas_practice_text, lintas_lesson_text) is unchanged.
CREATE FUNCTION lintas_spm_words(field text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE field
    WHEN 'EDUCATION' THEN 'pendidikan'
    WHEN 'HEALTH' THEN 'kesehatan'
    WHEN 'PUBLIC_WORKS' THEN 'pekerjaan umum penataan ruang'
    WHEN 'HOUSING' THEN 'perumahan rakyat kawasan permukiman'
    WHEN 'PUBLIC_ORDER' THEN 'ketenteraman ketertiban umum pelindungan masyarakat'
    WHEN 'SOCIAL' THEN 'sosial'
  END
$$;

CREATE OR REPLACE FUNCTION lintas_practice_search_vector() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('indonesian', COALESCE(NEW.name, '')), 'A')
    || setweight(to_tsvector('indonesian',
      concat_ws(' ', NEW.summary, NEW.sector, array_to_string(NEW.tags, ' '))), 'B')
    || setweight(to_tsvector('indonesian', concat_ws(' ', NEW.problem, NEW.solution, NEW.results)), 'C')
    || setweight(to_tsvector('indonesian', concat_ws(' ',
      (SELECT concat_ws(' ', r.name, pr.name) FROM "Region" r
        LEFT JOIN "Region" pr ON pr.code = r."provinceCode" WHERE r.code = NEW."regionCode"),
      lintas_spm_words(NEW."spmField"::text))), 'D');
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
  RETURN NEW;
END
$$;

-- a renamed region or province renames it in its practices' vectors
CREATE FUNCTION lintas_region_renamed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Practice" p SET "searchVector" = NULL
  FROM "Region" r
  WHERE r.code = p."regionCode" AND (r.code = NEW.code OR r."provinceCode" = NEW.code);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Region_renamed" AFTER UPDATE OF name ON "Region"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION lintas_region_renamed();

-- recompute every stored vector through the triggers
UPDATE "Practice" SET "searchVector" = NULL;
UPDATE "Lesson" SET "searchVector" = NULL;
