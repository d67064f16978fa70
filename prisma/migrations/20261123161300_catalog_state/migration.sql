-- CreateTable
CREATE TABLE "CatalogState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogState_pkey" PRIMARY KEY ("id")
);

-- The one row, and the statement triggers that move it with every change the catalogue shows.
-- BEFORE the statement, so a transaction takes this row's lock before any row lock of the table
-- it changes (AFTER triggers let two transactions take them in opposite orders: a deadlock).
INSERT INTO "CatalogState" ("id", "changedAt") VALUES (1, clock_timestamp()) ON CONFLICT DO NOTHING;

CREATE FUNCTION lintas_catalog_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CatalogState" ("id", "changedAt") VALUES (1, clock_timestamp())
    ON CONFLICT ("id") DO UPDATE SET "changedAt" = clock_timestamp();
  RETURN NULL; -- ignored for statement triggers
END
$$;

CREATE TRIGGER "Practice_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "Practice"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "Lesson_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "Lesson"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "Replication_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "Replication"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "ChangeProject_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "ChangeProject"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "Indicator_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "Indicator"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "Measurement_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "Measurement"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "Organisation_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "Organisation"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "Region_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "Region"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
CREATE TRIGGER "_LessonToPractice_catalogChanged" BEFORE INSERT OR UPDATE OR DELETE ON "_LessonToPractice"
  FOR EACH STATEMENT EXECUTE FUNCTION lintas_catalog_changed();
