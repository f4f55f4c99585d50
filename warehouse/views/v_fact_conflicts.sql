-- Curator view: current facts that two extractions disagree on, to be reviewed as in dual extraction.
CREATE OR REPLACE VIEW v_fact_conflicts AS
WITH current_facts AS (
    SELECT e.*, v.fact_key
    FROM v_evidence e
    JOIN fact_versions v ON v.record_id = e.record_id AND v.valid_to_run IS NULL
),
spans AS (  -- one printed number (same document, table cell or text span) read as different facts
    SELECT doc_sha256, source, table_id, table_row, table_col, char_start, char_end,
           string_agg(DISTINCT endpoint || ' ' || coalesce(arm, 'all arms') || ' ' || statistic
                      || coalesce(' ' || timepoint, '') || ' = ' || value, '; '
                      ORDER BY endpoint || ' ' || coalesce(arm, 'all arms') || ' ' || statistic
                      || coalesce(' ' || timepoint, '') || ' = ' || value) AS readings
    FROM current_facts
    GROUP BY ALL
    HAVING count(DISTINCT (endpoint, arm, statistic, timepoint, value)) > 1
)
SELECT f.fact_key, 'span' AS kind,
       'the number ' || f.value_text || ' on page ' || f.page || ' is read as: ' || s.readings AS reason,
       f.doc, f.trial, f.endpoint, f.arm, f.statistic, f.timepoint, f.value, f.page, f.quote
FROM current_facts f
JOIN spans s
  ON s.doc_sha256 = f.doc_sha256 AND s.source = f.source AND s.table_id IS NOT DISTINCT FROM f.table_id
 AND s.table_row IS NOT DISTINCT FROM f.table_row AND s.table_col IS NOT DISTINCT FROM f.table_col
 AND s.char_start = f.char_start AND s.char_end = f.char_end
UNION ALL
SELECT f.fact_key, 'table_vs_evidence' AS kind, s.reason,
       f.doc, f.trial, f.endpoint, f.arm, f.statistic, f.timepoint, f.value, f.page, f.quote
FROM current_facts f
JOIN v_table1_sync s
  ON s.doc = f.doc AND s.row_number = f.table_row AND s.endpoint = f.endpoint AND s.arm IS NOT DISTINCT FROM f.arm
 AND s.statistic = f.statistic AND s.timepoint IS NOT DISTINCT FROM f.timepoint AND s.table_value = f.value
WHERE f.source = 'table' AND s.status = 'contradicted'
UNION ALL  -- the rules alone read this number as another fact, or not at all (dual extraction)
SELECT f.fact_key, 'dual_extraction' AS kind, d.reason,
       f.doc, f.trial, f.endpoint, f.arm, f.statistic, f.timepoint, f.value, f.page, f.quote
FROM current_facts f
JOIN dual_extraction_flags d ON d.record_id = f.record_id AND d.is_current;
COMMENT ON VIEW v_fact_conflicts IS 'Current facts two extractions disagree on: one printed number read as different facts (span), a Table 1 figure the body or a trial report contradicts (table_vs_evidence), or a number the rules-only pass reads otherwise or not at all (dual_extraction). Flagged for review in v_evidence_curated.';
COMMENT ON COLUMN v_fact_conflicts.fact_key IS 'Identity of the flagged fact (fact_versions.fact_key).';
COMMENT ON COLUMN v_fact_conflicts.kind IS 'span, table_vs_evidence or dual_extraction.';
COMMENT ON COLUMN v_fact_conflicts.reason IS 'What disagrees, in words.';
COMMENT ON COLUMN v_fact_conflicts.doc IS 'File name of the source PDF.';
COMMENT ON COLUMN v_fact_conflicts.trial IS 'Canonical trial name.';
COMMENT ON COLUMN v_fact_conflicts.endpoint IS 'Endpoint code.';
COMMENT ON COLUMN v_fact_conflicts.arm IS 'Treatment arm.';
COMMENT ON COLUMN v_fact_conflicts.statistic IS 'rate, median, landmark, hazard_ratio or count.';
COMMENT ON COLUMN v_fact_conflicts.timepoint IS 'Landmark time or rate window.';
COMMENT ON COLUMN v_fact_conflicts.value IS 'The value as extracted.';
COMMENT ON COLUMN v_fact_conflicts.page IS 'Page of the value.';
COMMENT ON COLUMN v_fact_conflicts.quote IS 'Verbatim sentence or cell.';
