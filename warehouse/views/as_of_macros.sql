-- Table macros for "as of run R" questions: the versions current once run R had loaded (runs ordered by start time).
CREATE OR REPLACE MACRO run_covers(as_of_run, from_time, from_run, to_time, to_run) AS
    (SELECT (from_time < r.started_at OR (from_time = r.started_at AND from_run <= r.run_id))
            AND (to_run IS NULL OR to_time > r.started_at OR (to_time = r.started_at AND to_run > r.run_id))
     FROM runs r WHERE r.run_id = as_of_run);
COMMENT ON MACRO run_covers IS 'True when a version valid from (from_time, from_run) until (to_time, to_run) was current once run as_of_run had loaded.';
CREATE OR REPLACE MACRO evidence_as_of(as_of_run) AS TABLE
    SELECT * EXCLUDE (valid_from, valid_to) FROM v_fact_history
    WHERE coalesce(run_covers(as_of_run, valid_from, valid_from_run, valid_to, valid_to_run), false);
COMMENT ON MACRO TABLE evidence_as_of IS 'Evidence facts as they stood once run as_of_run had loaded: SELECT * FROM evidence_as_of(''run-...''). Empty for an unknown run.';
CREATE OR REPLACE MACRO table1_as_of(as_of_run) AS TABLE
    SELECT * EXCLUDE (valid_from, valid_to) FROM v_table1_history
    WHERE coalesce(run_covers(as_of_run, valid_from, valid_from_run, valid_to, valid_to_run), false);
COMMENT ON MACRO TABLE table1_as_of IS 'Table 1 cells as they stood once run as_of_run had loaded, one row per cell: SELECT * FROM table1_as_of(''run-...'').';
