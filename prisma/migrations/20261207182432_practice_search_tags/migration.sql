-- AlterTable
ALTER TABLE "PracticeSearch" ADD COLUMN     "tags" TEXT[];

-- The search row also carries the practice's tags in lower case: the similar practices of a
-- practice page read only these narrow rows (docs/decisions/0068).
CREATE OR REPLACE FUNCTION lintas_practice_search_row() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status <> 'PUBLISHED' THEN
    DELETE FROM "PracticeSearch" WHERE "practiceId" = OLD.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN
    DELETE FROM "PracticeSearch" WHERE "practiceId" = OLD.id;
  END IF;
  INSERT INTO "PracticeSearch" ("practiceId", "publishedAt", sector, "spmField", "regionCode",
    "provinceCode", "regionKind", maturity, "startedYear", "hasResults", tags, "searchVector")
  SELECT NEW.id, NEW."publishedAt", NEW.sector, NEW."spmField", NEW."regionCode",
    COALESCE(r."provinceCode", r.code), r.kind, NEW.maturity, NEW."startedYear", NEW."hasResults",
    ARRAY(SELECT DISTINCT lower(t) FROM unnest(NEW.tags) AS t), COALESCE(NEW."searchVector", ''::tsvector)
  FROM "Region" r WHERE r.code = NEW."regionCode"
  ON CONFLICT ("practiceId") DO UPDATE SET
    "publishedAt" = EXCLUDED."publishedAt", sector = EXCLUDED.sector,
    "spmField" = EXCLUDED."spmField", "regionCode" = EXCLUDED."regionCode",
    "provinceCode" = EXCLUDED."provinceCode", "regionKind" = EXCLUDED."regionKind",
    maturity = EXCLUDED.maturity, "startedYear" = EXCLUDED."startedYear",
    "hasResults" = EXCLUDED."hasResults", tags = EXCLUDED.tags, "searchVector" = EXCLUDED."searchVector";
  RETURN NULL;
END
$$;

UPDATE "PracticeSearch" s SET tags = ARRAY(SELECT DISTINCT lower(t) FROM unnest(p.tags) AS t)
FROM "Practice" p WHERE p.id = s."practiceId";
