-- Version history of Table 1 cells and evidence facts, and curator decisions (issue 9). New tables only:
-- history starts with the first run after this migration (each document it reads opens its versions).
CREATE TABLE IF NOT EXISTS fact_versions (
    fact_key VARCHAR CHECK (regexp_matches(fact_key, '^[0-9a-f]{64}$')),
    version_id VARCHAR NOT NULL CHECK (regexp_matches(version_id, '^[0-9a-f]{64}$')),
    valid_from_run VARCHAR,
    valid_to_run VARCHAR,
    record_id VARCHAR NOT NULL CHECK (regexp_matches(record_id, '^[0-9a-f]{64}$')),
    path VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    PRIMARY KEY (fact_key, valid_from_run)
);
CREATE TABLE IF NOT EXISTS table1_cell_versions (
    cell_key VARCHAR CHECK (regexp_matches(cell_key, '^[0-9a-f]{64}$')),
    version_id VARCHAR NOT NULL CHECK (regexp_matches(version_id, '^[0-9a-f]{64}$')),
    valid_from_run VARCHAR,
    valid_to_run VARCHAR,
    path VARCHAR NOT NULL,
    document VARCHAR NOT NULL,
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    table_label VARCHAR NOT NULL,
    row_number INTEGER NOT NULL CHECK (row_number >= 1),
    column_name VARCHAR NOT NULL CHECK (column_name IN ('trial', 'reference', 'setting', 'design', 'total_patients', 'treatment', 'main_results', 'extra_cells')),
    text VARCHAR,
    row_id VARCHAR NOT NULL CHECK (regexp_matches(row_id, '^[0-9a-f]{64}$')),
    page INTEGER NOT NULL CHECK (page >= 1),
    bbox DOUBLE[],
    PRIMARY KEY (cell_key, valid_from_run),
    -- bbox_has_four_coordinates: a bounding box is (x0, top, x1, bottom); any other length is a serialisation bug
    CHECK (((bbox IS NULL OR len(bbox) = 4)))
);
CREATE TABLE IF NOT EXISTS curation_decisions (
    decision_id VARCHAR PRIMARY KEY CHECK (regexp_matches(decision_id, '^[0-9a-f]{64}$')),
    decided_at TIMESTAMP NOT NULL,
    curator VARCHAR NOT NULL CHECK (regexp_matches(curator, '\S')),
    fact_key VARCHAR NOT NULL CHECK (regexp_matches(fact_key, '^[0-9a-f]{64}$')),
    version_id VARCHAR NOT NULL CHECK (regexp_matches(version_id, '^[0-9a-f]{64}$')),
    action VARCHAR NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'note')),
    value DOUBLE,
    note VARCHAR,
    -- correct_has_value: a correction without the right number cannot be applied
    CHECK (NOT coalesce(action = 'correct', false) OR (value IS NOT NULL))
);
