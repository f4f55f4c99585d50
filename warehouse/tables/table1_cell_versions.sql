-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
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
COMMENT ON TABLE table1_cell_versions IS 'Version history of each Table 1 cell''s text: one row per (cell identity, text) span of runs; a fixed typo is a new version. Nothing is deleted.';
COMMENT ON COLUMN table1_cell_versions.cell_key IS 'stable identity of the cell: content hash of document path, table label, row number and column';
COMMENT ON COLUMN table1_cell_versions.version_id IS 'content hash of cell_key and the cell text';
COMMENT ON COLUMN table1_cell_versions.valid_from_run IS 'run that first produced this version of the cell';
COMMENT ON COLUMN table1_cell_versions.valid_to_run IS 'first run in which this version of the cell was no longer current (changed, gone from its re-read document, or its file removed); null while current';
COMMENT ON COLUMN table1_cell_versions.path IS 'path of the source PDF';
COMMENT ON COLUMN table1_cell_versions.document IS 'file name of the source PDF';
COMMENT ON COLUMN table1_cell_versions.doc_sha256 IS 'sha256 of the file this version was read from';
COMMENT ON COLUMN table1_cell_versions.table_label IS 'label of the table within the document, e.g. Table 1';
COMMENT ON COLUMN table1_cell_versions.row_number IS '1-based data-row number (v_table1.row_number)';
COMMENT ON COLUMN table1_cell_versions.column_name IS 'v_table1 column of the cell: trial, reference, setting, design, total_patients, treatment, main_results, extra_cells';
COMMENT ON COLUMN table1_cell_versions.text IS 'cell text as printed (extra_cells: its JSON object); null for an absent reference or no extra cells';
COMMENT ON COLUMN table1_cell_versions.row_id IS 'table1_rows row holding this version (the latest that gave it)';
COMMENT ON COLUMN table1_cell_versions.page IS 'page the row is printed on';
COMMENT ON COLUMN table1_cell_versions.bbox IS 'row bounding box (x0, top, x1, bottom) in PDF points';
