-- Analyst view: the current evidence with curator decisions applied (evidence review accept/reject/correct/note).
CREATE OR REPLACE VIEW v_evidence_curated AS
WITH current_facts AS (
    SELECT e.*, v.fact_key, v.version_id
    FROM v_evidence e
    LEFT JOIN fact_versions v ON v.record_id = e.record_id AND v.valid_to_run IS NULL
),
verdicts AS (  -- the latest accept, reject or correct per fact; notes never change a status
    SELECT * FROM curation_decisions WHERE action <> 'note'
    QUALIFY row_number() OVER (PARTITION BY fact_key ORDER BY decided_at DESC, decision_id DESC) = 1
),
decided_on AS (  -- the value the verdict was made on
    SELECT d.fact_key, any_value(h.value) AS value_then
    FROM verdicts d JOIN v_fact_history h ON h.fact_key = d.fact_key AND h.version_id = d.version_id
    GROUP BY d.fact_key
),
notes AS (
    SELECT fact_key, string_agg(curator || ': ' || note, ' | ' ORDER BY decided_at) AS notes
    FROM curation_decisions WHERE note IS NOT NULL GROUP BY fact_key
),
conflicts AS (
    SELECT fact_key, string_agg(kind || ': ' || reason, ' | ' ORDER BY kind, reason) AS conflict
    FROM v_fact_conflicts GROUP BY fact_key
),
curated AS (
    SELECT f.*,
           CASE WHEN d.fact_key IS NULL THEN 'unreviewed'
                WHEN d.version_id <> f.version_id THEN 'stale'
                ELSE CASE d.action WHEN 'accept' THEN 'accepted' WHEN 'reject' THEN 'rejected' ELSE 'corrected' END
           END AS curation_status,
           d.action AS decision_action, d.curator AS decision_curator, d.decided_at, d.value AS decision_value,
           o.value_then AS decided_on_value, n.notes, c.conflict
    FROM current_facts f
    LEFT JOIN verdicts d ON d.fact_key = f.fact_key
    LEFT JOIN decided_on o ON o.fact_key = f.fact_key
    LEFT JOIN notes n ON n.fact_key = f.fact_key
    LEFT JOIN conflicts c ON c.fact_key = f.fact_key
)
SELECT doc, trial, nct, endpoint, arm,
       CASE WHEN curation_status = 'corrected' THEN decision_value ELSE value END AS value,
       unit, statistic, timepoint, ci_low, ci_high, p_value, page, quote, source,
       curation_status, value AS extracted_value,
       curation_status = 'stale' OR (conflict IS NOT NULL AND curation_status = 'unreviewed') AS needs_review,
       CASE WHEN curation_status = 'stale'
            THEN 'stale: ' || decision_action || ' by ' || decision_curator || ' at ' || strftime(decided_at, '%Y-%m-%d %H:%M') ||
                 ' was made on value ' || coalesce(CAST(decided_on_value AS VARCHAR), '?') || '; it is now ' || value
            WHEN conflict IS NOT NULL AND curation_status = 'unreviewed' THEN 'conflict: ' || conflict
       END AS review_reason,
       decision_action, decision_curator, decided_at, notes,
       fact_key, version_id, record_id, doc_sha256, value_text, char_start, char_end, quote_start, bbox,
       table_id, table_row, table_col, extractor, extractor_version, first_run_id, last_run_id
FROM curated
ORDER BY doc, source, page, char_start, record_id;
COMMENT ON VIEW v_evidence_curated IS 'v_evidence with curator decisions applied: value is the corrected one where a current correction exists; rejected facts stay, flagged by curation_status = rejected (filter them out with WHERE curation_status <> ''rejected''); a decision made on an earlier version of the fact is stale and not applied.';
COMMENT ON COLUMN v_evidence_curated.doc IS 'File name of the source PDF.';
COMMENT ON COLUMN v_evidence_curated.trial IS 'Canonical trial name.';
COMMENT ON COLUMN v_evidence_curated.nct IS 'ClinicalTrials.gov id.';
COMMENT ON COLUMN v_evidence_curated.endpoint IS 'Endpoint code.';
COMMENT ON COLUMN v_evidence_curated.arm IS 'Treatment arm.';
COMMENT ON COLUMN v_evidence_curated.value IS 'The value after curation: the corrected value when curation_status is corrected, else the extracted one.';
COMMENT ON COLUMN v_evidence_curated.unit IS '%, months, or null.';
COMMENT ON COLUMN v_evidence_curated.statistic IS 'rate, median, landmark, hazard_ratio or count.';
COMMENT ON COLUMN v_evidence_curated.timepoint IS 'Landmark time or rate window.';
COMMENT ON COLUMN v_evidence_curated.ci_low IS 'Lower confidence bound.';
COMMENT ON COLUMN v_evidence_curated.ci_high IS 'Upper confidence bound.';
COMMENT ON COLUMN v_evidence_curated.p_value IS 'p-value.';
COMMENT ON COLUMN v_evidence_curated.page IS 'Page of the value.';
COMMENT ON COLUMN v_evidence_curated.quote IS 'Verbatim sentence or cell.';
COMMENT ON COLUMN v_evidence_curated.source IS 'body or table.';
COMMENT ON COLUMN v_evidence_curated.curation_status IS 'unreviewed, accepted, rejected, corrected, or stale (the latest decision was made on an earlier version of the fact).';
COMMENT ON COLUMN v_evidence_curated.extracted_value IS 'The value as extracted, before curation.';
COMMENT ON COLUMN v_evidence_curated.needs_review IS 'True when the decision is stale, or two extractions disagree on an unreviewed fact (v_fact_conflicts).';
COMMENT ON COLUMN v_evidence_curated.review_reason IS 'Why the fact needs review, in words.';
COMMENT ON COLUMN v_evidence_curated.decision_action IS 'accept, reject or correct: the latest such decision on the fact.';
COMMENT ON COLUMN v_evidence_curated.decision_curator IS 'Who made that decision.';
COMMENT ON COLUMN v_evidence_curated.decided_at IS 'When (UTC).';
COMMENT ON COLUMN v_evidence_curated.notes IS 'Every note on the fact, oldest first, as curator: note.';
COMMENT ON COLUMN v_evidence_curated.fact_key IS 'Stable identity of the fact (what evidence review takes as FACT; a prefix of 8+ characters will do).';
COMMENT ON COLUMN v_evidence_curated.version_id IS 'Current version of the fact.';
COMMENT ON COLUMN v_evidence_curated.record_id IS 'fact_evidence row of the current reading.';
COMMENT ON COLUMN v_evidence_curated.doc_sha256 IS 'sha256 of the source PDF.';
COMMENT ON COLUMN v_evidence_curated.value_text IS 'The number as printed.';
COMMENT ON COLUMN v_evidence_curated.char_start IS 'Start offset of value_text.';
COMMENT ON COLUMN v_evidence_curated.char_end IS 'End offset of value_text.';
COMMENT ON COLUMN v_evidence_curated.quote_start IS 'Start offset of quote.';
COMMENT ON COLUMN v_evidence_curated.bbox IS 'Box of the value in PDF points.';
COMMENT ON COLUMN v_evidence_curated.table_id IS 'Source table id for table facts.';
COMMENT ON COLUMN v_evidence_curated.table_row IS 'Source table row for table facts.';
COMMENT ON COLUMN v_evidence_curated.table_col IS 'Source table column for table facts.';
COMMENT ON COLUMN v_evidence_curated.extractor IS 'Rule or model that produced the record.';
COMMENT ON COLUMN v_evidence_curated.extractor_version IS 'Version of the extractor.';
COMMENT ON COLUMN v_evidence_curated.first_run_id IS 'Run that first produced this record.';
COMMENT ON COLUMN v_evidence_curated.last_run_id IS 'Latest run that produced this record.';
