-- Analyst view: the current Table 1 mirror, one row per data row of each document's Table 1.
CREATE OR REPLACE VIEW v_table1 AS
SELECT document, row_number, trial, reference, setting, design, total_patients, treatment, main_results,
       extra_cells, page, doc_sha256, table_id, row_id
FROM table1_rows
WHERE is_current
ORDER BY document, row_number;
COMMENT ON VIEW v_table1 IS 'Current Table 1 rows per document, cells as printed with wrapped lines joined by a space.';
COMMENT ON COLUMN v_table1.document IS 'File name of the source PDF.';
COMMENT ON COLUMN v_table1.row_number IS '1-based data-row number in printed order.';
COMMENT ON COLUMN v_table1.trial IS 'Trial/Study cell without its [..] reference marker.';
COMMENT ON COLUMN v_table1.reference IS 'Content of the [..] reference marker as printed, e.g. 23,24,25.';
COMMENT ON COLUMN v_table1.setting IS 'Setting cell as printed.';
COMMENT ON COLUMN v_table1.design IS 'Study design cell as printed.';
COMMENT ON COLUMN v_table1.total_patients IS 'Total patients cell as printed.';
COMMENT ON COLUMN v_table1.treatment IS 'Immunotherapeutic treatment cell as printed.';
COMMENT ON COLUMN v_table1.main_results IS 'Main results cell as printed.';
COMMENT ON COLUMN v_table1.extra_cells IS 'Cells of columns that map to no role (JSON object: header as printed -> cell), or null.';
COMMENT ON COLUMN v_table1.page IS 'Page the row is printed on (1-based).';
COMMENT ON COLUMN v_table1.doc_sha256 IS 'sha256 of the source PDF.';
COMMENT ON COLUMN v_table1.table_id IS 'Id of the source table within the document.';
COMMENT ON COLUMN v_table1.row_id IS 'Content-hash id of the row.';
