-- Analyst view: every version of every Table 1 cell's text, with the runs it was current between.
CREATE OR REPLACE VIEW v_table1_history AS
SELECT v.cell_key, v.version_id, v.valid_from_run, v.valid_to_run, v.valid_to_run IS NULL AS is_current,
       v.document, v.path, v.table_label, v.row_number, v.column_name, v.text, v.page, v.bbox, v.row_id, v.doc_sha256,
       rf.started_at AS valid_from, rt.started_at AS valid_to
FROM table1_cell_versions v
JOIN runs rf ON rf.run_id = v.valid_from_run
LEFT JOIN runs rt ON rt.run_id = v.valid_to_run
ORDER BY v.document, v.row_number, v.column_name, rf.started_at;
COMMENT ON VIEW v_table1_history IS 'Every version of every Table 1 cell (one per v_table1 column and row); table1_as_of(run_id) gives the cells current after a run.';
COMMENT ON COLUMN v_table1_history.cell_key IS 'Stable identity of the cell: document path, table label, row number, column.';
COMMENT ON COLUMN v_table1_history.version_id IS 'Identity of this version: the cell_key and its text.';
COMMENT ON COLUMN v_table1_history.valid_from_run IS 'Run that first produced this text.';
COMMENT ON COLUMN v_table1_history.valid_to_run IS 'First run in which this text was no longer current; null while current.';
COMMENT ON COLUMN v_table1_history.is_current IS 'True while the version is current.';
COMMENT ON COLUMN v_table1_history.document IS 'File name of the source PDF.';
COMMENT ON COLUMN v_table1_history.path IS 'Path of the source PDF.';
COMMENT ON COLUMN v_table1_history.table_label IS 'Table label within the document, e.g. Table 1.';
COMMENT ON COLUMN v_table1_history.row_number IS '1-based data-row number (v_table1.row_number).';
COMMENT ON COLUMN v_table1_history.column_name IS 'v_table1 column of the cell.';
COMMENT ON COLUMN v_table1_history.text IS 'Cell text as printed in this version.';
COMMENT ON COLUMN v_table1_history.page IS 'Page the row is printed on.';
COMMENT ON COLUMN v_table1_history.bbox IS 'Row bounding box in PDF points.';
COMMENT ON COLUMN v_table1_history.row_id IS 'table1_rows row holding this version.';
COMMENT ON COLUMN v_table1_history.doc_sha256 IS 'sha256 of the file this version was read from.';
COMMENT ON COLUMN v_table1_history.valid_from IS 'Start time of valid_from_run.';
COMMENT ON COLUMN v_table1_history.valid_to IS 'Start time of valid_to_run; null while current.';
