-- Table 1 cells in a present column may be blank (commit 7baccc0): setting, design, total_patients, treatment and
-- main_results lose their non-blank CHECK, which rejected rows the validator accepts.
-- DuckDB cannot alter a CHECK constraint: the table is copied aside, re-created in its new shape, and refilled.
-- warehouse/migrate.py drops the views before the migrations and re-creates them after, in the same transaction.
CREATE TEMP TABLE migrate_old_table1_rows AS SELECT * FROM table1_rows;
DROP TABLE table1_rows;
CREATE TABLE table1_rows (
    row_id VARCHAR PRIMARY KEY CHECK (regexp_matches(row_id, '^[0-9a-f]{64}$')),
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    document VARCHAR NOT NULL,
    table_id VARCHAR NOT NULL,
    row_number INTEGER NOT NULL CHECK (row_number >= 1),
    trial VARCHAR NOT NULL CHECK (regexp_matches(trial, '\S')),
    reference VARCHAR CHECK (regexp_matches(reference, '^[0-9]+(\s*[,;–—−-]\s*[0-9]+)*$')),
    setting VARCHAR NOT NULL,
    design VARCHAR NOT NULL,
    total_patients VARCHAR NOT NULL,
    treatment VARCHAR NOT NULL,
    main_results VARCHAR NOT NULL,
    page INTEGER NOT NULL CHECK (page >= 1),
    bbox DOUBLE[],
    first_run_id VARCHAR,
    last_run_id VARCHAR,
    is_current BOOLEAN NOT NULL,
    -- bbox_has_four_coordinates: a bounding box is (x0, top, x1, bottom); any other length is a serialisation bug
    CHECK (((bbox IS NULL OR len(bbox) = 4)))
);
INSERT INTO table1_rows (row_id, doc_sha256, document, table_id, row_number, trial, reference, setting, design, total_patients, treatment, main_results, page, bbox, first_run_id, last_run_id, is_current)
SELECT row_id, doc_sha256, document, table_id, row_number, trial, reference, setting, design, total_patients, treatment, main_results, page, bbox, first_run_id, last_run_id, is_current FROM migrate_old_table1_rows;
DROP TABLE migrate_old_table1_rows;
