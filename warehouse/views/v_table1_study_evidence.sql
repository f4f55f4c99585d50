-- Curator view: the evidence about each Table 1 row's study, and how it was matched to the study.
CREATE OR REPLACE VIEW v_table1_study_evidence AS
WITH current_facts AS NOT MATERIALIZED (  -- v_evidence without its ORDER BY, which sorted every current record at each use
    SELECT record_id, doc_sha256, trial, nct FROM fact_evidence WHERE is_current
),
studies AS MATERIALIZED (  -- a few rows, computed once for the three ways of matching
    SELECT * FROM v_table1_studies
),
study_names AS (  -- one row per name a study goes by: the name match is a hash join, not a loop over every record
    SELECT s.doc_sha256, s.table_id, s.row_number, unnest(s.name_keys) AS name_key FROM studies s
),
reports_by_title AS (
    SELECT s.doc_sha256, s.table_id, s.row_number, s.name_keys, u.r.report_sha256, u.r.own_trial
    FROM studies s, unnest(s.reports_by_title) AS u(r)
),
mislabelled_reports AS (  -- a report whose title names a Table 1 study its records do not carry: its trial labels
    SELECT DISTINCT report_sha256 FROM reports_by_title  -- are not trusted to match other rows by name
    WHERE NOT list_contains(name_keys, lower(regexp_replace(coalesce(own_trial, ''), '[^A-Za-z0-9]+', '', 'g')))
      AND NOT regexp_matches(coalesce(own_trial, ''), '^NCT[0-9]{8}$')
)
SELECT doc_sha256, table_id, row_number, record_id, arg_min(matched_by, preference) AS matched_by
FROM (
    -- by one of the names the study goes by (v_table1_studies.name_keys)
    SELECT s.doc_sha256, s.table_id, s.row_number, e.record_id, 'name' AS matched_by, 0 AS preference
    FROM study_names s
    JOIN current_facts e ON s.name_key = lower(regexp_replace(e.trial, '[^A-Za-z0-9]+', '', 'g'))
    WHERE e.doc_sha256 NOT IN (SELECT report_sha256 FROM mislabelled_reports)
    UNION ALL  -- by the NCT number its table records carry
    SELECT s.doc_sha256, s.table_id, s.row_number, e.record_id, 'NCT number', 1
    FROM studies s JOIN current_facts e ON e.nct = s.nct
    UNION ALL  -- the records of its own study in a trial report whose title names it
    SELECT l.doc_sha256, l.table_id, l.row_number, e.record_id, 'report title', 2
    FROM reports_by_title l
    JOIN current_facts e ON e.doc_sha256 = l.report_sha256 AND (e.trial IS NULL OR e.trial = l.own_trial)
)
GROUP BY ALL;
COMMENT ON VIEW v_table1_study_evidence IS 'Each current evidence record about a Table 1 row''s study (any document, the review itself included), matched by a name the study goes by, its NCT number, or a trial report whose title names it (v_table1_studies); a report whose title names one study while its records carry another''s name is not matched by that name.';
COMMENT ON COLUMN v_table1_study_evidence.doc_sha256 IS 'sha256 of the review PDF.';
COMMENT ON COLUMN v_table1_study_evidence.table_id IS 'Id of the Table 1 within the review.';
COMMENT ON COLUMN v_table1_study_evidence.row_number IS '1-based Table 1 data-row number.';
COMMENT ON COLUMN v_table1_study_evidence.record_id IS 'v_evidence record about the row''s study.';
COMMENT ON COLUMN v_table1_study_evidence.matched_by IS 'name, NCT number or report title: the first way that matched.';
