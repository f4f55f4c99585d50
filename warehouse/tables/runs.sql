-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS runs (
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
    -- finished_after_start: a run cannot end before it starts; a clock or bookkeeping bug otherwise
    CHECK ((started_at <= finished_at)),
    -- parsed_at_most_found: every parsed document is one of the documents found
    CHECK ((n_parsed <= n_documents))
);
COMMENT ON TABLE runs IS 'One row per pipeline run: when, which code, which corpus, what it counted and how it ended.';
COMMENT ON COLUMN runs.run_id IS 'pipeline run id (primary key)';
COMMENT ON COLUMN runs.flow_run_id IS 'Prefect flow-run id, when run under Prefect';
COMMENT ON COLUMN runs.started_at IS 'UTC time the run started';
COMMENT ON COLUMN runs.finished_at IS 'UTC time the run ended; null while running';
COMMENT ON COLUMN runs.status IS 'running, completed, failed, or interrupted: left running by a process that ended between batches, as the next run to take the warehouse lock found (see pid)';
COMMENT ON COLUMN runs.code_version IS 'package version or git revision of the code';
COMMENT ON COLUMN runs.corpus IS 'corpus folders the run read, as given';
COMMENT ON COLUMN runs.n_documents IS 'PDF files found';
COMMENT ON COLUMN runs.n_parsed IS 'documents with status parsed';
COMMENT ON COLUMN runs.n_table1_rows IS 'Table 1 rows extracted';
COMMENT ON COLUMN runs.n_records_loaded IS 'evidence records that passed validation';
COMMENT ON COLUMN runs.n_records_rejected IS 'evidence records quarantined in rejected_records';
COMMENT ON COLUMN runs.validation_seconds IS 'wall time of the validate stage';
COMMENT ON COLUMN runs.data_docs_path IS 'index.html of the Great Expectations Data Docs for this run';
COMMENT ON COLUMN runs.message IS 'why the run failed, or a summary';
COMMENT ON COLUMN runs.n_skipped IS 'documents found unchanged since they were last loaded (same bytes at the same path, same parser and extractor versions), so not read again; counted in n_documents';
COMMENT ON COLUMN runs.pid IS 'process id of the `evidence run` that wrote the row; a running row whose process no longer exists is marked interrupted by the next run (null for runs recorded before it was kept)';
