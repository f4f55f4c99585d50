-- Internal view: which current fact_evidence rows are about each Table 1 row's study, matched over compact keys (a
-- study number and the row's rowid), so that the matching holds ~16 bytes per match rather than two 64-character ids:
-- at 1,000 documents a Table 1 study has ~370,000 matches across reviews and reports.
CREATE OR REPLACE VIEW v_table1_study_fact_rows AS
WITH current_facts AS NOT MATERIALIZED (  -- v_evidence without its ORDER BY
    SELECT rowid AS fact_row, doc_sha256, trial, nct FROM fact_evidence WHERE is_current
),
studies AS MATERIALIZED (  -- a few rows, computed once for the three ways of matching, each with its number
    SELECT dense_rank() OVER (ORDER BY doc_sha256, table_id, row_number) AS study, * FROM v_table1_studies
),
study_names AS (  -- one row per name a study goes by: the name match is a hash join, not a loop over every record
    SELECT s.study, unnest(s.name_keys) AS name_key FROM studies s
),
reports_by_title AS (
    SELECT s.study, s.name_keys, u.r.report_sha256, u.r.own_trial
    FROM studies s, unnest(s.reports_by_title) AS u(r)
),
mislabelled_reports AS (  -- a report whose title names a Table 1 study its records do not carry: its trial labels
    SELECT DISTINCT report_sha256 FROM reports_by_title  -- are not trusted to match other rows by name
    WHERE NOT list_contains(name_keys, lower(regexp_replace(coalesce(own_trial, ''), '[^A-Za-z0-9]+', '', 'g')))
      AND NOT regexp_matches(coalesce(own_trial, ''), '^NCT[0-9]{8}$')
),
matches AS (
    SELECT study, fact_row, arg_min(matched_by, preference) AS matched_by
    FROM (
        -- by one of the names the study goes by (v_table1_studies.name_keys)
        SELECT s.study, e.fact_row, 'name' AS matched_by, 0 AS preference
        FROM study_names s
        JOIN current_facts e ON s.name_key = lower(regexp_replace(e.trial, '[^A-Za-z0-9]+', '', 'g'))
        WHERE e.doc_sha256 NOT IN (SELECT report_sha256 FROM mislabelled_reports)
        UNION ALL  -- by the NCT number its table records carry
        SELECT s.study, e.fact_row, 'NCT number', 1
        FROM studies s JOIN current_facts e ON e.nct = s.nct
        UNION ALL  -- the records of its own study in a trial report whose title names it
        SELECT l.study, e.fact_row, 'report title', 2
        FROM reports_by_title l
        JOIN current_facts e ON e.doc_sha256 = l.report_sha256 AND (e.trial IS NULL OR e.trial = l.own_trial)
    )
    GROUP BY study, fact_row
)
SELECT s.doc_sha256, s.table_id, s.row_number, m.fact_row, m.matched_by
FROM matches m
JOIN (SELECT DISTINCT study, doc_sha256, table_id, row_number FROM studies) s USING (study);
COMMENT ON VIEW v_table1_study_fact_rows IS 'Internal (v_table1_study_evidence and v_table1_sync read it): each current fact_evidence row about a Table 1 row''s study, by its rowid, matched by a name the study goes by, its NCT number, or a trial report whose title names it.';
COMMENT ON COLUMN v_table1_study_fact_rows.doc_sha256 IS 'sha256 of the review PDF.';
COMMENT ON COLUMN v_table1_study_fact_rows.table_id IS 'Id of the Table 1 within the review.';
COMMENT ON COLUMN v_table1_study_fact_rows.row_number IS '1-based Table 1 data-row number.';
COMMENT ON COLUMN v_table1_study_fact_rows.fact_row IS 'rowid of the fact_evidence row about the row''s study (valid within the query that reads this view).';
COMMENT ON COLUMN v_table1_study_fact_rows.matched_by IS 'name, NCT number or report title: the first way that matched.';
