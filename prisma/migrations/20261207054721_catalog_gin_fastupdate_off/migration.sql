-- The embedded PGlite runs without autovacuum. With GIN's default fastupdate, every new or changed
-- practice and lesson waits in the search index's pending list, which only VACUUM moves into the
-- index: on a 10,000-practice database the whole index sat in that list (498 pages), the planner
-- priced it above a sequential scan, and catalogue search read every practice (issue #20).
-- Off: each row enters the index as it is written. The list already there is emptied once.
ALTER INDEX "Practice_searchVector_idx" SET (fastupdate = off);
ALTER INDEX "Lesson_searchVector_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Practice_searchVector_idx"'::regclass);
SELECT gin_clean_pending_list('"Lesson_searchVector_idx"'::regclass);
