-- A region moved to another province (or of another kind) has its practices' vectors recomputed,
-- as a renamed one does: they hold the province's name (weight D) and the words of the catalogue's
-- vocabulary. Touching the practices runs their triggers, which refresh the search rows too.
CREATE OR REPLACE FUNCTION lintas_region_placed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Practice" p SET "searchVector" = NULL
  FROM "Region" r
  WHERE r.code = p."regionCode" AND (r.code = NEW.code OR r."provinceCode" = NEW.code);
  RETURN NULL;
END
$$;

-- An update that changes nothing the search row holds (a contact, the cost, a view count) leaves
-- the row and its GIN entries alone.
CREATE OR REPLACE FUNCTION lintas_practice_search_row() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status <> 'PUBLISHED' THEN
    DELETE FROM "PracticeSearch" WHERE "practiceId" = OLD.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.id = NEW.id AND OLD.status = NEW.status
    AND (OLD."publishedAt", OLD.sector, OLD."spmField", OLD."regionCode", OLD.maturity,
      OLD."startedYear", OLD."hasResults", OLD.tags, OLD."searchVector")
    IS NOT DISTINCT FROM (NEW."publishedAt", NEW.sector, NEW."spmField", NEW."regionCode",
      NEW.maturity, NEW."startedYear", NEW."hasResults", NEW.tags, NEW."searchVector")
    -- the region's province or kind may have moved (lintas_region_placed touches the practice)
    AND EXISTS (SELECT 1 FROM "PracticeSearch" s JOIN "Region" r ON r.code = NEW."regionCode"
      WHERE s."practiceId" = NEW.id AND s."provinceCode" = COALESCE(r."provinceCode", r.code)
        AND s."regionKind" = r.kind) THEN
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
