-- Curator view: facts about a Table 1 trial, from the review body or a trial report, that the table does not give.
CREATE OR REPLACE VIEW v_table1_missing AS
WITH reviews AS (
    SELECT DISTINCT doc_sha256 FROM table1_rows WHERE is_current
),
rows AS (  -- each Table 1 row's canonical trial, as v_table1_sync names it
    SELECT DISTINCT doc, doc_sha256, table_id, row_number, trial FROM v_table1_sync
),
covered AS (  -- what the table gives, with the time point borrowed from the evidence that confirms a figure
    SELECT DISTINCT doc_sha256, trial, endpoint, arm, statistic, timepoint FROM v_table1_sync
    UNION
    SELECT DISTINCT doc_sha256, trial, endpoint, arm, 'landmark', evidence_timepoint FROM v_table1_sync
    WHERE status IN ('confirmed', 'rounding') AND timepoint IS NULL AND evidence_timepoint IS NOT NULL
)
SELECT r.doc, r.row_number, r.trial, e.endpoint, e.arm, e.statistic, e.timepoint, e.unit, e.value,
       e.doc AS evidence_doc, e.page AS evidence_page, e.quote AS evidence_quote,
       CASE WHEN e.doc_sha256 = r.doc_sha256 THEN 'review body' ELSE 'trial report' END AS evidence_kind,
       e.record_id
FROM rows r
JOIN v_table1_study_evidence m
  ON m.doc_sha256 = r.doc_sha256 AND m.table_id = r.table_id AND m.row_number = r.row_number
JOIN v_evidence e
  ON e.record_id = m.record_id
 AND (e.doc_sha256 = r.doc_sha256 AND e.source = 'body' OR e.doc_sha256 NOT IN (SELECT doc_sha256 FROM reviews))
WHERE NOT EXISTS (
    SELECT 1 FROM covered c
    WHERE c.doc_sha256 = r.doc_sha256 AND c.trial = r.trial AND c.endpoint = e.endpoint
      AND (c.arm IS NOT DISTINCT FROM e.arm OR c.arm IS NULL OR e.arm IS NULL)
      AND c.statistic = e.statistic AND c.timepoint IS NOT DISTINCT FROM e.timepoint)
ORDER BY r.doc, r.row_number, e.endpoint, e.arm, e.statistic, e.timepoint, e.value, e.doc;
COMMENT ON VIEW v_table1_missing IS 'Facts about a Table 1 study (matched as in v_table1_study_evidence: name, alias, NCT number or report title) from the review body or a trial report whose endpoint, arm, statistic and timepoint the table does not give for that study.';
COMMENT ON COLUMN v_table1_missing.doc IS 'File name of the review.';
COMMENT ON COLUMN v_table1_missing.row_number IS 'Table 1 row of the trial.';
COMMENT ON COLUMN v_table1_missing.trial IS 'Canonical trial name.';
COMMENT ON COLUMN v_table1_missing.endpoint IS 'Endpoint code of the missing fact.';
COMMENT ON COLUMN v_table1_missing.arm IS 'Arm of the missing fact, or null for all patients.';
COMMENT ON COLUMN v_table1_missing.statistic IS 'Statistic of the missing fact.';
COMMENT ON COLUMN v_table1_missing.timepoint IS 'Timepoint of the missing fact, or null.';
COMMENT ON COLUMN v_table1_missing.unit IS 'Unit of the missing fact.';
COMMENT ON COLUMN v_table1_missing.value IS 'Value of the missing fact.';
COMMENT ON COLUMN v_table1_missing.evidence_doc IS 'File name of the document that gives the fact.';
COMMENT ON COLUMN v_table1_missing.evidence_page IS 'Page of the fact (1-based).';
COMMENT ON COLUMN v_table1_missing.evidence_quote IS 'Sentence or cell that gives the fact.';
COMMENT ON COLUMN v_table1_missing.evidence_kind IS 'review body or trial report.';
COMMENT ON COLUMN v_table1_missing.record_id IS 'Record id of the fact in fact_evidence.';
