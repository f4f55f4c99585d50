-- Curator view: every Table 1 result checked against the review's body and the trial reports in the warehouse.
CREATE OR REPLACE VIEW v_table1_sync AS
WITH t1 AS (
    SELECT * FROM table1_rows WHERE is_current
),
row_trial AS (  -- each row's study and the names it goes by (v_table1_studies)
    SELECT doc_sha256, table_id, row_number, trial, nct FROM v_table1_studies
),
reviews AS (  -- documents that mirror a Table 1 are reviews; other reviews are not evidence for this one
    SELECT DISTINCT doc_sha256 FROM t1
),
current_facts AS NOT MATERIALIZED (  -- v_evidence without its ORDER BY, which sorted every current record at each use
    SELECT * FROM fact_evidence WHERE is_current
),
results AS (
    SELECT e.doc, e.doc_sha256, e.table_id, e.table_row AS row_number, rt.trial, rt.nct, e.endpoint, e.arm,
           e.statistic, e.timepoint, e.unit, e.value AS table_value, e.value_text, e.record_id, false AS per_arm_split
    FROM current_facts e
    JOIN row_trial rt ON rt.doc_sha256 = e.doc_sha256 AND rt.table_id = e.table_id AND rt.row_number = e.table_row
    WHERE e.source = 'table'
    UNION ALL
    SELECT r.document, r.doc_sha256, r.table_id, r.row_number, rt.trial, rt.nct, 'ENROLLED', c.arm, 'count', NULL, NULL,
           c.value, CAST(c.value AS VARCHAR), NULL, json_array_length(r.patient_counts) > 1
    FROM t1 r
    JOIN row_trial rt ON rt.doc_sha256 = r.doc_sha256 AND rt.table_id = r.table_id AND rt.row_number = r.row_number,
         unnest(from_json(coalesce(r.patient_counts, '[]'), '[{"value": "INTEGER", "arm": "VARCHAR"}]')) AS u(c)
),
study_keys AS MATERIALIZED (  -- each Table 1 row by a number, so the matches below hold small keys
    SELECT row_number() OVER (ORDER BY doc_sha256, table_id, row_number) AS study, doc_sha256, table_id, row_number
    FROM (SELECT DISTINCT doc_sha256, table_id, row_number FROM row_trial)
),
study_facts AS MATERIALIZED (  -- what each row's study evidence is about (~370,000 at 1,000 documents), compactly
    SELECT k.study, m.fact_row, m.matched_by, b.endpoint, b.unit, b.statistic, b.timepoint, b.arm,
           b.doc_sha256 = k.doc_sha256 AS same_document,
           b.doc_sha256 = k.doc_sha256 AND b.table_id IS NOT DISTINCT FROM k.table_id AS same_table,
           b.doc_sha256 IN (SELECT doc_sha256 FROM reviews) AS from_review
    FROM v_table1_study_fact_rows m
    JOIN study_keys k ON k.doc_sha256 = m.doc_sha256 AND k.table_id = m.table_id AND k.row_number = m.row_number
    JOIN fact_evidence b ON b.rowid = m.fact_row
),
paired AS (  -- each table figure with the evidence about its study that reports the same quantity
    SELECT t.*, f.fact_row, f.matched_by
    FROM results t
    JOIN study_keys k ON k.doc_sha256 = t.doc_sha256 AND k.table_id = t.table_id AND k.row_number = t.row_number
    JOIN study_facts f
      ON f.study = k.study
     AND f.endpoint = t.endpoint AND f.unit IS NOT DISTINCT FROM t.unit
     AND ((f.statistic = t.statistic AND f.timepoint IS NOT DISTINCT FROM t.timepoint)
          -- a percentage the table prints without its time point or window (gold keeps it null) takes the one the
          -- body or a report gives the same figure (a landmark time, a response window); compared only within
          -- rounding below
          OR (t.timepoint IS NULL AND f.timepoint IS NOT NULL AND t.unit = '%'
              AND (f.statistic = t.statistic
                   OR (f.statistic = 'landmark' AND t.statistic = 'rate'
                       AND t.endpoint IN ('RFS', 'EFS', 'DFS', 'PFS', 'OS', 'DOR')))))
     AND CASE WHEN t.endpoint = 'ENROLLED'  -- a per-arm count is not comparable with a total, nor a split total with one arm
              THEN f.arm IS NOT DISTINCT FROM t.arm OR (t.arm IS NULL AND NOT t.per_arm_split)
              ELSE f.arm IS NULL OR t.arm IS NULL OR f.arm = t.arm END
     AND NOT f.same_table
     AND (f.same_document OR NOT f.from_review)
),
candidates AS (
    SELECT t.*, b.value AS evidence_value, b.doc AS evidence_doc, b.page AS evidence_page, b.quote AS evidence_quote,
           b.doc_sha256 = t.doc_sha256 AS same_document,
           -- a count the evidence sentence also prints is that sentence's count of another population ('Of 71
           -- patients enrolled, 55 received the infusion'): the table counts those, the evidence the others
           CASE WHEN t.endpoint = 'ENROLLED' AND round(b.value) <> t.table_value
                     AND regexp_matches(b.quote, '(^|[^0-9.,])' || t.value_text || '([^0-9.,%]|$)')
                THEN regexp_extract(b.quote, '(?:^|[^0-9.,])(' || t.value_text || '\s+[^,.;()]{3,60})', 1) END
               AS other_population,
           b.timepoint AS evidence_timepoint, b.timepoint IS DISTINCT FROM t.timepoint AS timepoint_from_evidence,
           -- a subgroup figure names its subgroup right after the value ('9.0 months in the responders', 'in cohort 2A')
           -- or just before it ('a post hoc analysis ... among 18 patients with EMD')
           CASE WHEN b.source = 'body' AND b.char_start >= b.quote_start THEN nullif(coalesce(nullif(regexp_extract(
               substr(b.quote, b.char_end - b.quote_start + 1, 90),
               '^\s*(?:%|months?|mo)?\s*(?:\([^)]*\)\s*)?(?:in|among|for) (?:the |those |patients |all )*((?:[a-z-]+ )?(?:responders|responding patients|who (?:achieved|responded|had)[^,.;]*|cohort [0-9A-Z][0-9A-Za-z]*|subgroup[^,.;]*|(?:children|adults|adolescents|patients) (?:aged|older|younger|with|who)[^,.;]*))',
               1), ''), regexp_extract(
               substr(b.quote, 1, b.char_start - b.quote_start),
               '((?:post[- ]hoc|subgroup|subset|exploratory)[^.;]*|among)\s*$', 1)), '') END AS body_subgroup_text,
           CASE WHEN round(b.value, 6) = round(t.table_value, 6) THEN 0
                WHEN round(b.value, CAST(length(split_part(replace(t.value_text, '·', '.'), '.', 2)) AS INTEGER))
                     = t.table_value THEN 1
                ELSE 2 END AS closeness
    FROM paired t
    JOIN fact_evidence b ON b.rowid = t.fact_row
),
comparable AS (  -- a borrowed time point is taken only for the same figure: another number may be another time
    SELECT *, coalesce(body_subgroup_text, other_population) AS subgroup_text
    FROM candidates WHERE NOT (timepoint_from_evidence AND closeness = 2)
),
ranked AS (
    SELECT *,
           CASE WHEN closeness = 0 THEN 0 WHEN closeness = 1 THEN 1
                WHEN subgroup_text IS NULL THEN 2 ELSE 3 END AS kind,
           row_number() OVER (PARTITION BY doc_sha256, table_id, row_number, endpoint, arm, statistic, timepoint,
                                           table_value
                              ORDER BY CASE WHEN closeness = 0 THEN 0 WHEN closeness = 1 THEN 1
                                            WHEN subgroup_text IS NULL THEN 2 ELSE 3 END,
                                       timepoint_from_evidence, NOT same_document, abs(evidence_value - table_value), evidence_doc,
                                       evidence_page, evidence_quote, evidence_value) AS pick,
           -- the best trial-report candidate too, so a figure the body settles still shows what the report says
           row_number() OVER (PARTITION BY doc_sha256, table_id, row_number, endpoint, arm, statistic, timepoint,
                                           table_value, same_document
                              ORDER BY CASE WHEN closeness = 0 THEN 0 WHEN closeness = 1 THEN 1
                                            WHEN subgroup_text IS NULL THEN 2 ELSE 3 END,
                                       timepoint_from_evidence, abs(evidence_value - table_value), evidence_doc,
                                       evidence_page, evidence_quote, evidence_value) AS pick_in_kind_of_source
    FROM comparable
)
SELECT t.doc, t.row_number, t.trial, t.endpoint, t.arm, t.statistic, t.timepoint, t.unit, t.table_value,
       CASE r.kind WHEN 0 THEN 'confirmed' WHEN 1 THEN 'rounding' WHEN 2 THEN 'contradicted' ELSE 'unsupported' END
           AS status,
       r.evidence_value, r.evidence_doc, r.evidence_page, r.evidence_quote,
       CASE r.kind
           WHEN 0 THEN 'same value in ' || CASE WHEN r.same_document THEN 'the review body' ELSE 'trial report ' || r.evidence_doc END || ' (p. ' || r.evidence_page || ')'
           WHEN 1 THEN 'the table rounds ' || r.evidence_value || ' from ' ||
                       CASE WHEN r.same_document THEN 'the review body' ELSE 'trial report ' || r.evidence_doc END ||
                       ' (p. ' || r.evidence_page || ')'
           WHEN 2 THEN CASE WHEN r.same_document THEN 'the review body' ELSE 'trial report ' || r.evidence_doc END || ' (p. ' || r.evidence_page || ')' ||
                       ' gives ' || r.evidence_value || ' for the same trial, endpoint, arm, statistic and timepoint'
           WHEN 3 THEN CASE WHEN r.other_population IS NOT NULL
                            THEN 'a count of another population: ' || CASE WHEN r.same_document THEN 'the review body'
                                 ELSE 'trial report ' || r.evidence_doc END || ' (p. ' || r.evidence_page || ') gives '
                                 || r.evidence_value || ' and, in the same sentence, ' || r.other_population
                            ELSE 'only a subgroup figure (' || r.subgroup_text || '): ' || r.evidence_value
                                 || ' is not comparable' END
           ELSE 'no other evidence for this figure in the warehouse' END
       || CASE WHEN r.kind < 3 AND r.matched_by <> 'name' THEN '; matched to the study by its ' || r.matched_by ELSE '' END
       || CASE WHEN r.timepoint_from_evidence THEN '; timepoint ' || r.evidence_timepoint || ' from ' ||
               CASE WHEN r.same_document THEN 'the body' ELSE 'trial report ' || r.evidence_doc END ELSE '' END
           AS reason,
       t.doc_sha256, t.table_id, t.record_id, r.evidence_timepoint,
       CASE p.kind WHEN 0 THEN 'confirmed' WHEN 1 THEN 'rounding' WHEN 2 THEN 'contradicted' WHEN 3 THEN 'unsupported'
       END AS report_status,
       p.evidence_value AS report_value, p.evidence_doc AS report_doc, p.evidence_page AS report_page,
       p.evidence_quote AS report_quote
FROM results t
LEFT JOIN ranked r
  ON r.pick = 1 AND r.doc_sha256 = t.doc_sha256 AND r.table_id = t.table_id AND r.row_number = t.row_number
 AND r.endpoint = t.endpoint AND r.arm IS NOT DISTINCT FROM t.arm AND r.statistic = t.statistic
 AND r.timepoint IS NOT DISTINCT FROM t.timepoint AND r.table_value = t.table_value
LEFT JOIN ranked p
  ON p.pick_in_kind_of_source = 1 AND NOT p.same_document AND p.doc_sha256 = t.doc_sha256
 AND p.table_id = t.table_id AND p.row_number = t.row_number AND p.endpoint = t.endpoint
 AND p.arm IS NOT DISTINCT FROM t.arm AND p.statistic = t.statistic AND p.timepoint IS NOT DISTINCT FROM t.timepoint
 AND p.table_value = t.table_value
ORDER BY t.doc, t.row_number, t.endpoint, t.arm, t.statistic, t.timepoint, t.table_value;
COMMENT ON VIEW v_table1_sync IS 'One row per Table 1 result (main-results figures, and patient counts as ENROLLED in total and per arm), with its status against the review body and the trial reports of the same study (by a name it goes by, its NCT number, or a report whose title names it: v_table1_studies), the best matching evidence and a reason.';
COMMENT ON COLUMN v_table1_sync.doc IS 'File name of the review.';
COMMENT ON COLUMN v_table1_sync.row_number IS '1-based Table 1 data-row number.';
COMMENT ON COLUMN v_table1_sync.trial IS 'Canonical trial name of the row.';
COMMENT ON COLUMN v_table1_sync.endpoint IS 'Endpoint code; ENROLLED for the total-patients cell.';
COMMENT ON COLUMN v_table1_sync.arm IS 'Treatment arm, or null for all patients.';
COMMENT ON COLUMN v_table1_sync.statistic IS 'rate, median, landmark, hazard_ratio or count.';
COMMENT ON COLUMN v_table1_sync.timepoint IS 'Landmark or assessment window, or null.';
COMMENT ON COLUMN v_table1_sync.unit IS '%, months or null.';
COMMENT ON COLUMN v_table1_sync.table_value IS 'The number printed in Table 1.';
COMMENT ON COLUMN v_table1_sync.status IS 'confirmed (same value elsewhere), rounding (differs only by the table''s rounding), contradicted (another value for the same population), unsupported (no comparable evidence).';
COMMENT ON COLUMN v_table1_sync.evidence_value IS 'Value of the best matching evidence, or null.';
COMMENT ON COLUMN v_table1_sync.evidence_doc IS 'File name of the document the evidence comes from.';
COMMENT ON COLUMN v_table1_sync.evidence_page IS 'Page of the evidence (1-based).';
COMMENT ON COLUMN v_table1_sync.evidence_quote IS 'Sentence or cell that holds the evidence.';
COMMENT ON COLUMN v_table1_sync.reason IS 'Why the status was given, in words (which document, which subgroup).';
COMMENT ON COLUMN v_table1_sync.doc_sha256 IS 'sha256 of the review PDF.';
COMMENT ON COLUMN v_table1_sync.table_id IS 'Id of the Table 1 within the review.';
COMMENT ON COLUMN v_table1_sync.record_id IS 'Record id of the table figure (null for patient counts, which are read from table1_rows).';
COMMENT ON COLUMN v_table1_sync.evidence_timepoint IS 'Time point of the matching evidence: the table''s own, or the landmark time the body or a report gives a figure the table prints without one.';
COMMENT ON COLUMN v_table1_sync.report_status IS 'Status of the figure against the trial reports alone (confirmed, rounding, contradicted, unsupported), null when no report speaks to it; status itself prefers the review body.';
COMMENT ON COLUMN v_table1_sync.report_value IS 'Value of the best matching trial-report evidence, or null.';
COMMENT ON COLUMN v_table1_sync.report_doc IS 'File name of that trial report.';
COMMENT ON COLUMN v_table1_sync.report_page IS 'Page of that evidence in the report (1-based).';
COMMENT ON COLUMN v_table1_sync.report_quote IS 'Sentence or cell of the report that holds it.';
