-- Runs stopped between batches no longer stay 'running' forever: `runs` keeps the pid of the run's process, and the
-- next run to take the warehouse lock marks a running row whose process is gone as 'interrupted' (a new status).
-- DuckDB cannot alter a CHECK constraint: the table is copied aside, re-created in its new shape, and refilled;
-- rows recorded before this migration get a null pid (their process is unknown, so they are left as they are).
CREATE TEMP TABLE migrate_old_runs AS SELECT * FROM runs;
DROP TABLE runs;
CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    flow_run_id VARCHAR,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status VARCHAR NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
    code_version VARCHAR,
    corpus VARCHAR,
    n_documents INTEGER CHECK (n_documents >= 0),
    n_parsed INTEGER CHECK (n_parsed >= 0),
    n_table1_rows INTEGER CHECK (n_table1_rows >= 0),
    n_records_loaded INTEGER CHECK (n_records_loaded >= 0),
    n_records_rejected INTEGER CHECK (n_records_rejected >= 0),
    validation_seconds DOUBLE CHECK (validation_seconds >= 0),
    data_docs_path VARCHAR,
    message VARCHAR,
    n_skipped INTEGER,
    pid INTEGER,
    CHECK ((started_at <= finished_at)),
    CHECK ((n_parsed <= n_documents))
);
INSERT INTO runs (run_id, flow_run_id, started_at, finished_at, status, code_version, corpus, n_documents, n_parsed,
                  n_table1_rows, n_records_loaded, n_records_rejected, validation_seconds, data_docs_path, message,
                  n_skipped)
SELECT run_id, flow_run_id, started_at, finished_at, status, code_version, corpus, n_documents, n_parsed,
       n_table1_rows, n_records_loaded, n_records_rejected, validation_seconds, data_docs_path, message, n_skipped
FROM migrate_old_runs;
DROP TABLE migrate_old_runs;
