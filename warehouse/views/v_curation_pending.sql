-- Curator view: what `evidence review list --pending` shows: stale decisions and disagreeing extractions.
CREATE OR REPLACE VIEW v_curation_pending AS
WITH verdicts AS (
    SELECT * FROM curation_decisions WHERE action <> 'note'
    QUALIFY row_number() OVER (PARTITION BY fact_key ORDER BY decided_at DESC, decision_id DESC) = 1
),
last_versions AS (
    SELECT * FROM v_fact_history
    QUALIFY row_number() OVER (PARTITION BY fact_key ORDER BY valid_from DESC, valid_from_run DESC) = 1
)
SELECT fact_key, CASE WHEN curation_status = 'stale' THEN 'stale' ELSE 'conflict' END AS kind, review_reason AS reason,
       doc, trial, endpoint, arm, statistic, timepoint, extracted_value AS value, page, quote,
       decision_action, decision_curator, decided_at
FROM v_evidence_curated
WHERE needs_review
UNION ALL
SELECT d.fact_key, 'stale', 'stale: ' || d.action || ' by ' || d.curator || ' at ' || strftime(d.decided_at, '%Y-%m-%d %H:%M')
       || ' is on a fact no longer current (gone from its document since run ' || h.valid_to_run || ')',
       h.doc, h.trial, h.endpoint, h.arm, h.statistic, h.timepoint, h.value, h.page, h.quote,
       d.action, d.curator, d.decided_at
FROM verdicts d
JOIN last_versions h ON h.fact_key = d.fact_key
WHERE h.valid_to_run IS NOT NULL
UNION ALL  -- numbers only the rules-only pass reads have no fact yet: the flag's id stands in until a decision
SELECT d.flag_id, 'conflict', 'conflict: ' || d.reason, d.doc, d.trial, d.endpoint, d.arm, d.statistic, d.timepoint,
       d.value, d.page, d.quote, NULL, NULL, NULL
FROM dual_extraction_flags d
WHERE d.is_current AND d.kind = 'only_rules'
  AND d.doc_sha256 IN (SELECT doc_sha256 FROM fact_evidence WHERE is_current
                       UNION SELECT doc_sha256 FROM table1_rows WHERE is_current)
  AND d.flag_id NOT IN (SELECT fact_key FROM curation_decisions WHERE action <> 'note')
ORDER BY kind DESC, doc, page, fact_key;
COMMENT ON VIEW v_curation_pending IS 'Facts a curator should look at: a decision made on an earlier version of a fact, or on a fact no longer current (stale), and unreviewed facts two extractions disagree on (conflict), including numbers only the rules-only pass of dual extraction reads (their fact_key is the flag_id).';
COMMENT ON COLUMN v_curation_pending.fact_key IS 'Identity of the fact, or the dual_extraction_flags.flag_id of a number only the rules read (evidence review takes either, or a prefix of 8+ characters).';
COMMENT ON COLUMN v_curation_pending.kind IS 'stale or conflict.';
COMMENT ON COLUMN v_curation_pending.reason IS 'Why it is pending, in words.';
COMMENT ON COLUMN v_curation_pending.doc IS 'File name of the source PDF.';
COMMENT ON COLUMN v_curation_pending.trial IS 'Canonical trial name.';
COMMENT ON COLUMN v_curation_pending.endpoint IS 'Endpoint code.';
COMMENT ON COLUMN v_curation_pending.arm IS 'Treatment arm.';
COMMENT ON COLUMN v_curation_pending.statistic IS 'rate, median, landmark, hazard_ratio or count.';
COMMENT ON COLUMN v_curation_pending.timepoint IS 'Landmark time or rate window.';
COMMENT ON COLUMN v_curation_pending.value IS 'The value as now extracted (the last value for a fact no longer current).';
COMMENT ON COLUMN v_curation_pending.page IS 'Page of the value.';
COMMENT ON COLUMN v_curation_pending.quote IS 'Verbatim sentence or cell.';
COMMENT ON COLUMN v_curation_pending.decision_action IS 'The latest accept, reject or correct on the fact, if any.';
COMMENT ON COLUMN v_curation_pending.decision_curator IS 'Who made it.';
COMMENT ON COLUMN v_curation_pending.decided_at IS 'When (UTC).';
