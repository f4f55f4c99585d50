-- Analyst view: the export fields of every current evidence record, then its provenance.
CREATE OR REPLACE VIEW v_evidence AS
SELECT doc, trial, nct, endpoint, arm, value, unit, statistic, timepoint, ci_low, ci_high, p_value,
       page, quote, source,
       record_id, doc_sha256, value_text, char_start, char_end, quote_start, bbox,
       table_id, table_row, table_col, extractor, extractor_version, first_run_id, last_run_id
FROM fact_evidence
WHERE is_current
ORDER BY doc, source, page, char_start, record_id;
COMMENT ON VIEW v_evidence IS 'Current evidence records (one per reported result), export fields first, provenance after.';
COMMENT ON COLUMN v_evidence.doc IS 'File name of the source PDF.';
COMMENT ON COLUMN v_evidence.trial IS 'Canonical trial name, or null when the study is unnamed.';
COMMENT ON COLUMN v_evidence.nct IS 'ClinicalTrials.gov id without spaces, e.g. NCT02013167.';
COMMENT ON COLUMN v_evidence.endpoint IS 'Endpoint code from the closed vocabulary (CR, CR_CRI, ORR, MRD_NEG, RFS, EFS, DFS, PFS, OS, DOR, VOD, CRS, ICANS, GVHD, ALLOHSCT, NRM, ENROLLED).';
COMMENT ON COLUMN v_evidence.arm IS 'Lower-case treatment arm, or null for a whole single-arm cohort.';
COMMENT ON COLUMN v_evidence.value IS 'The reported number.';
COMMENT ON COLUMN v_evidence.unit IS '%, months, or null.';
COMMENT ON COLUMN v_evidence.statistic IS 'rate, median, landmark, hazard_ratio or count.';
COMMENT ON COLUMN v_evidence.timepoint IS 'Landmark timepoint such as 6mo, 12mo, 2y, 5y; null unless statistic is landmark.';
COMMENT ON COLUMN v_evidence.ci_low IS 'Lower bound of the confidence interval, when printed.';
COMMENT ON COLUMN v_evidence.ci_high IS 'Upper bound of the confidence interval, when printed.';
COMMENT ON COLUMN v_evidence.p_value IS 'p-value printed with the result, when any.';
COMMENT ON COLUMN v_evidence.page IS 'Page of the value (1-based).';
COMMENT ON COLUMN v_evidence.quote IS 'The sentence or table cell the value was read from, verbatim.';
COMMENT ON COLUMN v_evidence.source IS 'body (running text) or table (a table cell).';
COMMENT ON COLUMN v_evidence.record_id IS 'Content-hash id, stable across runs for the same reading.';
COMMENT ON COLUMN v_evidence.doc_sha256 IS 'sha256 of the source PDF.';
COMMENT ON COLUMN v_evidence.value_text IS 'The number as printed.';
COMMENT ON COLUMN v_evidence.char_start IS 'Start offset of value_text in the source text (document text or cell text).';
COMMENT ON COLUMN v_evidence.char_end IS 'End offset of value_text in the source text.';
COMMENT ON COLUMN v_evidence.quote_start IS 'Start offset of quote in the source text.';
COMMENT ON COLUMN v_evidence.bbox IS 'Box (x0, top, x1, bottom) in PDF points of the block or cell holding the value.';
COMMENT ON COLUMN v_evidence.table_id IS 'Source table id for table records.';
COMMENT ON COLUMN v_evidence.table_row IS 'Source table data-row number for table records.';
COMMENT ON COLUMN v_evidence.table_col IS 'Source table column index for table records.';
COMMENT ON COLUMN v_evidence.extractor IS 'Rule or model that produced the record.';
COMMENT ON COLUMN v_evidence.extractor_version IS 'Version of the extractor.';
COMMENT ON COLUMN v_evidence.first_run_id IS 'Run that first produced this record.';
COMMENT ON COLUMN v_evidence.last_run_id IS 'Latest run that produced this record.';
