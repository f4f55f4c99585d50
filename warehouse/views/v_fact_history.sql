-- Analyst view: every version of every evidence fact, with the runs (and their start times) it was current between.
CREATE OR REPLACE VIEW v_fact_history AS
SELECT v.fact_key, v.version_id, v.valid_from_run, v.valid_to_run, v.valid_to_run IS NULL AS is_current,
       f.doc, v.path, f.trial, f.nct, f.endpoint, f.arm, f.value, f.unit, f.statistic, f.timepoint,
       f.ci_low, f.ci_high, f.p_value, f.page, f.quote, f.source,
       f.value_text, f.bbox, f.table_id, f.table_row, f.table_col, v.record_id, v.doc_sha256,
       rf.started_at AS valid_from, rt.started_at AS valid_to
FROM fact_versions v
JOIN fact_evidence f USING (record_id)
JOIN runs rf ON rf.run_id = v.valid_from_run
LEFT JOIN runs rt ON rt.run_id = v.valid_to_run
ORDER BY f.doc, v.fact_key, rf.started_at;
COMMENT ON VIEW v_fact_history IS 'Every version of every evidence fact (fact_versions with the reading of each); evidence_as_of(run_id) gives the facts current after a run.';
COMMENT ON COLUMN v_fact_history.fact_key IS 'Stable identity of the fact across runs and file versions (see docs/warehouse.md).';
COMMENT ON COLUMN v_fact_history.version_id IS 'Identity of this version: the fact_key and what was read (value as printed, unit, CI, p-value, NCT, trial).';
COMMENT ON COLUMN v_fact_history.valid_from_run IS 'Run that first produced this version.';
COMMENT ON COLUMN v_fact_history.valid_to_run IS 'First run in which this version was no longer current; null while current.';
COMMENT ON COLUMN v_fact_history.is_current IS 'True while the version is current (valid_to_run is null).';
COMMENT ON COLUMN v_fact_history.doc IS 'File name of the source PDF.';
COMMENT ON COLUMN v_fact_history.path IS 'Path of the source PDF.';
COMMENT ON COLUMN v_fact_history.trial IS 'Canonical trial name.';
COMMENT ON COLUMN v_fact_history.nct IS 'ClinicalTrials.gov id.';
COMMENT ON COLUMN v_fact_history.endpoint IS 'Endpoint code.';
COMMENT ON COLUMN v_fact_history.arm IS 'Treatment arm.';
COMMENT ON COLUMN v_fact_history.value IS 'The reported number in this version.';
COMMENT ON COLUMN v_fact_history.unit IS '%, months, or null.';
COMMENT ON COLUMN v_fact_history.statistic IS 'rate, median, landmark, hazard_ratio or count.';
COMMENT ON COLUMN v_fact_history.timepoint IS 'Landmark time or rate assessment window.';
COMMENT ON COLUMN v_fact_history.ci_low IS 'Lower confidence bound.';
COMMENT ON COLUMN v_fact_history.ci_high IS 'Upper confidence bound.';
COMMENT ON COLUMN v_fact_history.p_value IS 'p-value.';
COMMENT ON COLUMN v_fact_history.page IS 'Page of the value (1-based).';
COMMENT ON COLUMN v_fact_history.quote IS 'Verbatim sentence or cell.';
COMMENT ON COLUMN v_fact_history.source IS 'body or table.';
COMMENT ON COLUMN v_fact_history.value_text IS 'The number as printed.';
COMMENT ON COLUMN v_fact_history.bbox IS 'Box (x0, top, x1, bottom) in PDF points of the value.';
COMMENT ON COLUMN v_fact_history.table_id IS 'Source table id for table facts.';
COMMENT ON COLUMN v_fact_history.table_row IS 'Source table data-row number for table facts.';
COMMENT ON COLUMN v_fact_history.table_col IS 'Source table column index for table facts.';
COMMENT ON COLUMN v_fact_history.record_id IS 'fact_evidence row holding this version''s reading.';
COMMENT ON COLUMN v_fact_history.doc_sha256 IS 'sha256 of the file this version was read from.';
COMMENT ON COLUMN v_fact_history.valid_from IS 'Start time of valid_from_run.';
COMMENT ON COLUMN v_fact_history.valid_to IS 'Start time of valid_to_run; null while current.';
