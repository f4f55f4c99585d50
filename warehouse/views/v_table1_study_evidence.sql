-- Curator view: the evidence about each Table 1 row's study, and how it was matched to the study.
CREATE OR REPLACE VIEW v_table1_study_evidence AS
SELECT m.doc_sha256, m.table_id, m.row_number, f.record_id, m.matched_by
FROM v_table1_study_fact_rows m
JOIN fact_evidence f ON f.rowid = m.fact_row;
COMMENT ON VIEW v_table1_study_evidence IS 'Each current evidence record about a Table 1 row''s study (any document, the review itself included), matched by a name the study goes by, its NCT number, or a trial report whose title names it (v_table1_studies); a report whose title names one study while its records carry another''s name is not matched by that name.';
COMMENT ON COLUMN v_table1_study_evidence.doc_sha256 IS 'sha256 of the review PDF.';
COMMENT ON COLUMN v_table1_study_evidence.table_id IS 'Id of the Table 1 within the review.';
COMMENT ON COLUMN v_table1_study_evidence.row_number IS '1-based Table 1 data-row number.';
COMMENT ON COLUMN v_table1_study_evidence.record_id IS 'v_evidence record about the row''s study.';
COMMENT ON COLUMN v_table1_study_evidence.matched_by IS 'name, NCT number or report title: the first way that matched.';
