-- Incremental runs: runs count the files they skipped as unchanged (a new column: DuckDB cannot add one with a
-- CHECK constraint, so it has none). The current_readings table is new; its table file creates it.
ALTER TABLE runs ADD COLUMN n_skipped INTEGER;
