-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS table1_rows (
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
    extra_cells JSON,
    patient_counts JSON,
    page INTEGER NOT NULL CHECK (page >= 1),
    bbox DOUBLE[],
    first_run_id VARCHAR,
    last_run_id VARCHAR,
    is_current BOOLEAN NOT NULL,
    -- bbox_has_four_coordinates: a bounding box is (x0, top, x1, bottom); any other length is a serialisation bug
    CHECK (((bbox IS NULL OR len(bbox) = 4)))
);
COMMENT ON TABLE table1_rows IS 'One row per data row of each document''s Table 1, cells as printed.';
COMMENT ON COLUMN table1_rows.row_id IS 'content hash of the row (primary key)';
COMMENT ON COLUMN table1_rows.doc_sha256 IS 'sha256 of the source PDF';
COMMENT ON COLUMN table1_rows.document IS 'file name of the source PDF';
COMMENT ON COLUMN table1_rows.table_id IS 'id of the source table: ''<doc sha256[:12]>:<label>''';
COMMENT ON COLUMN table1_rows.row_number IS '1-based data-row number in printed order';
COMMENT ON COLUMN table1_rows.trial IS 'Trial cell without its [..] marker; cell text as printed, wrapped lines joined by a space';
COMMENT ON COLUMN table1_rows.reference IS 'content of the Trial cell''s [..] marker, e.g. 23,24,25';
COMMENT ON COLUMN table1_rows.setting IS 'Setting cell; cell text as printed, wrapped lines joined by a space; may be empty';
COMMENT ON COLUMN table1_rows.design IS 'Design cell; cell text as printed, wrapped lines joined by a space; may be empty';
COMMENT ON COLUMN table1_rows.total_patients IS 'Total Patients cell; cell text as printed, wrapped lines joined by a space; may be empty';
COMMENT ON COLUMN table1_rows.treatment IS 'Treatment cell; cell text as printed, wrapped lines joined by a space; may be empty';
COMMENT ON COLUMN table1_rows.main_results IS 'Main Results cell; cell text as printed, wrapped lines joined by a space; may be empty';
COMMENT ON COLUMN table1_rows.extra_cells IS 'cells of columns that map to no role, as a JSON object: header as printed -> cell';
COMMENT ON COLUMN table1_rows.patient_counts IS 'patient counts read from the total-patients cell, as a JSON list of {value, arm, char_start, char_end}; arm null counts all patients';
COMMENT ON COLUMN table1_rows.page IS 'page the row starts on';
COMMENT ON COLUMN table1_rows.bbox IS 'row bounding box (x0, top, x1, bottom) in PDF points';
COMMENT ON COLUMN table1_rows.first_run_id IS 'run that first loaded this row';
COMMENT ON COLUMN table1_rows.last_run_id IS 'latest run that produced this row';
COMMENT ON COLUMN table1_rows.is_current IS 'true when the latest run that read the document produced this row';
