-- documents.status may be worker_crashed: a parse worker killed by a signal is not the file's fault, so it is no
-- longer recorded as corrupt. New column table1_status: mirrored, or unmapped when a document's Table 1 could not be
-- mapped to its columns (that document's note, no longer the whole run's failure); null for rows loaded before.
-- DuckDB cannot alter a CHECK constraint: the table is copied aside, re-created in its new shape, and refilled.
-- warehouse/migrate.py drops the views before the migrations and re-creates them after, in the same transaction.
CREATE TEMP TABLE migrate_old_documents AS SELECT * FROM documents;
DROP TABLE documents;
CREATE TABLE documents (
    sha256 VARCHAR CHECK (regexp_matches(sha256, '^[0-9a-f]{64}$')),
    path VARCHAR,
    file_name VARCHAR NOT NULL CHECK (regexp_matches(file_name, '\S')),
    pages INTEGER CHECK (pages >= 0),
    status VARCHAR NOT NULL CHECK (status IN ('parsed', 'encrypted', 'corrupt', 'no_text_layer', 'empty', 'too_large', 'timeout', 'worker_crashed', 'duplicate')),
    message VARCHAR,
    parser_version VARCHAR,
    table1_status VARCHAR CHECK (table1_status IN ('mirrored', 'unmapped')),
    first_run_id VARCHAR,
    last_run_id VARCHAR,
    PRIMARY KEY (sha256, path)
);
INSERT INTO documents (sha256, path, file_name, pages, status, message, parser_version, table1_status, first_run_id, last_run_id)
SELECT sha256, path, file_name, pages, status, message, parser_version, NULL, first_run_id, last_run_id FROM migrate_old_documents;
DROP TABLE migrate_old_documents;
