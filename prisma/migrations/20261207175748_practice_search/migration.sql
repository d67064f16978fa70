-- CreateTable
CREATE TABLE "PracticeSearch" (
    "practiceId" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "sector" TEXT,
    "spmField" "SpmField",
    "regionCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "regionKind" "RegionKind" NOT NULL,
    "maturity" "Maturity" NOT NULL,
    "startedYear" INTEGER,
    "hasResults" BOOLEAN NOT NULL,
    "searchVector" tsvector NOT NULL,

    CONSTRAINT "PracticeSearch_pkey" PRIMARY KEY ("practiceId")
);

-- CreateIndex
CREATE INDEX "PracticeSearch_searchVector_idx" ON "PracticeSearch" USING GIN ("searchVector");

-- GIN's pending list would hide new rows from the index's statistics (as for "Practice")
ALTER INDEX "PracticeSearch_searchVector_idx" SET (fastupdate = off);

-- A practice's search row follows it: written when it is published or changed while published,
-- removed when it is withdrawn or deleted. AFTER the row triggers that set its search vector and
-- its "has results" answer, so it copies their final values.
CREATE FUNCTION lintas_practice_search_row() RETURNS trigger
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
    "provinceCode", "regionKind", maturity, "startedYear", "hasResults", "searchVector")
  SELECT NEW.id, NEW."publishedAt", NEW.sector, NEW."spmField", NEW."regionCode",
    COALESCE(r."provinceCode", r.code), r.kind, NEW.maturity, NEW."startedYear", NEW."hasResults",
    COALESCE(NEW."searchVector", ''::tsvector)
  FROM "Region" r WHERE r.code = NEW."regionCode"
  ON CONFLICT ("practiceId") DO UPDATE SET
    "publishedAt" = EXCLUDED."publishedAt", sector = EXCLUDED.sector,
    "spmField" = EXCLUDED."spmField", "regionCode" = EXCLUDED."regionCode",
    "provinceCode" = EXCLUDED."provinceCode", "regionKind" = EXCLUDED."regionKind",
    maturity = EXCLUDED.maturity, "startedYear" = EXCLUDED."startedYear",
    "hasResults" = EXCLUDED."hasResults", "searchVector" = EXCLUDED."searchVector";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Practice_searchRow" AFTER INSERT OR UPDATE OR DELETE ON "Practice"
  FOR EACH ROW EXECUTE FUNCTION lintas_practice_search_row();

-- a region moved to another province or of another kind moves its practices' rows (a renamed
-- region renames its practices' vectors through "Region_renamed", which reaches the row above)
CREATE FUNCTION lintas_region_placed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PracticeSearch" s SET "provinceCode" = COALESCE(r."provinceCode", r.code), "regionKind" = r.kind
  FROM "Region" r
  WHERE r.code = s."regionCode" AND (r.code = NEW.code OR r."provinceCode" = NEW.code);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Region_placed" AFTER UPDATE OF kind, "provinceCode" ON "Region"
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD."provinceCode" IS DISTINCT FROM NEW."provinceCode")
  EXECUTE FUNCTION lintas_region_placed();

-- The published practices a search matches, always through the GIN index. The planner prices
-- a tsquery's match on a row as one operator whatever its size, so it reads every row for queries
-- of a few common words; through the index the matching costs a third to a fifth of that on PGlite
-- and never more (docs/decisions/0068). A function with its own setting, so that no other
-- statement's plan changes.
CREATE FUNCTION lintas_catalog_matches(query tsquery) RETURNS SETOF "PracticeSearch"
  LANGUAGE sql STABLE
  SET enable_seqscan = off
  AS $$ SELECT * FROM "PracticeSearch" WHERE "searchVector" @@ query $$;

INSERT INTO "PracticeSearch" ("practiceId", "publishedAt", sector, "spmField", "regionCode",
  "provinceCode", "regionKind", maturity, "startedYear", "hasResults", "searchVector")
SELECT p.id, p."publishedAt", p.sector, p."spmField", p."regionCode", COALESCE(r."provinceCode", r.code),
  r.kind, p.maturity, p."startedYear", p."hasResults", COALESCE(p."searchVector", ''::tsvector)
FROM "Practice" p JOIN "Region" r ON r.code = p."regionCode"
WHERE p.status = 'PUBLISHED';
