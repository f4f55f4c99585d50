-- Curator view: each Table 1 row's study, the names it goes by, and the trial reports whose title names it.
CREATE OR REPLACE VIEW v_table1_studies AS
WITH t1 AS (
    SELECT * FROM table1_rows WHERE is_current
),
reviews AS (  -- documents that mirror a Table 1 are reviews, never trial reports
    SELECT DISTINCT doc_sha256 FROM t1
),
row_names AS (  -- how many of each row's main-results records carry each trial name
    SELECT r.document, r.doc_sha256, r.table_id, r.row_number, r.trial AS cell_trial, e.trial AS record_trial,
           min(e.nct) AS nct, count(e.record_id) AS n
    FROM t1 r
    LEFT JOIN fact_evidence e  -- the current records (v_evidence, without its ORDER BY)
      ON e.is_current AND e.doc_sha256 = r.doc_sha256 AND e.table_id = r.table_id AND e.table_row = r.row_number AND e.source = 'table'
    GROUP BY ALL
),
row_trial AS (  -- the canonical trial of each row: the name most of its records carry (ties by name), else the cell
    SELECT document, doc_sha256, table_id, row_number,
           coalesce(first(record_trial ORDER BY n DESC, record_trial) FILTER (WHERE record_trial IS NOT NULL),
                    cell_trial) AS trial,
           min(nct) AS nct
    FROM row_names
    GROUP BY document, doc_sha256, table_id, row_number, cell_trial
),
named AS (
    SELECT rt.*,
           -- the names a study goes by: as printed; without a parenthesised alias ('D-ALBA (GIMEMA LAL2116)'); the
           -- alias itself; without a generic last word ('CIBMTR registry', 'Eliana study', 'Locatelli et al.');
           -- compared as lower-case letters and digits only ('Blast' = 'BLAST', 'INO-VATE' = 'INOVATE')
           list_distinct(list_filter(list_transform([
               rt.trial,
               regexp_replace(rt.trial, '\s*\([^)]*\)\s*$', ''),
               regexp_extract(rt.trial, '\(([^)]+)\)', 1),
               regexp_replace(rt.trial, '\s+(?:registry|study|trial|cohort|et al\.?)$', '', 'i')],
               lambda n: lower(regexp_replace(coalesce(n, ''), '[^A-Za-z0-9]+', '', 'g'))), lambda k: length(k) >= 3)) AS name_keys,
           -- the words that identify the study in a report's title: not years, not words any study name may carry
           list_filter(regexp_split_to_array(lower(regexp_replace(strip_accents(rt.trial), '[^A-Za-z0-9]+', ' ', 'g')), ' '),
                       lambda w: length(w) >= 2 AND NOT regexp_matches(w, '^(?:19|20)[0-9]{2}$')
                            AND w NOT IN ('registry', 'study', 'studies', 'trial', 'cohort', 'et', 'al', 'phase', 'and',
                                          'plus', 'with', 'the', 'of', 'in', 'vs', 'versus')) AS title_words
    FROM row_trial rt
),
reports AS (  -- current trial reports: their title as words, and the study most of their records are about
    SELECT d.sha256 AS report_sha256, min(d.file_name) AS report,
           ' ' || lower(regexp_replace(strip_accents(min(d.title)), '[^A-Za-z0-9]+', ' ', 'g')) || ' ' AS title,
           (SELECT first(f.trial ORDER BY f.n DESC, f.trial)
            FROM (SELECT trial, count(*) AS n FROM fact_evidence
                  WHERE is_current AND doc_sha256 = d.sha256 AND trial IS NOT NULL GROUP BY trial) f) AS own_trial
    FROM documents d
    WHERE d.status = 'parsed' AND d.title IS NOT NULL AND d.superseded_by IS NULL
      AND d.sha256 NOT IN (SELECT doc_sha256 FROM reviews)
      AND d.sha256 IN (SELECT doc_sha256 FROM fact_evidence WHERE is_current)
    GROUP BY d.sha256
),
title_hits AS (
    SELECT n.doc_sha256, n.table_id, n.row_number, p.report_sha256, p.report, p.own_trial,
           len(list_filter(n.title_words, lambda w: contains(p.title, ' ' || w || ' '))) AS hits, len(n.title_words) AS words
    FROM named n CROSS JOIN reports p
),
title_links AS (  -- a report's title names a row's study: all its words, or at least two and two thirds of them
    SELECT doc_sha256, table_id, row_number,
           list(struct_pack(report_sha256 := report_sha256, report := report, own_trial := own_trial)
                ORDER BY report) AS reports
    FROM title_hits
    WHERE words > 0 AND (hits = words OR (hits >= 2 AND 3 * hits >= 2 * words))
    GROUP BY ALL
)
SELECT n.document AS doc, n.row_number, n.trial, n.nct, n.name_keys, coalesce(l.reports, []) AS reports_by_title,
       n.doc_sha256, n.table_id
FROM named n
LEFT JOIN title_links l USING (doc_sha256, table_id, row_number)
ORDER BY doc, row_number;
COMMENT ON VIEW v_table1_studies IS 'One row per current Table 1 row: the study it reports, the names that study goes by (printed name, parenthesised alias, name without a generic last word), its NCT number, and the trial reports whose title names it (v_table1_sync takes their evidence).';
COMMENT ON COLUMN v_table1_studies.doc IS 'File name of the review.';
COMMENT ON COLUMN v_table1_studies.row_number IS '1-based Table 1 data-row number.';
COMMENT ON COLUMN v_table1_studies.trial IS 'Canonical trial name of the row (its table records'' trial, else the cell).';
COMMENT ON COLUMN v_table1_studies.nct IS 'NCT number its table records carry, or null.';
COMMENT ON COLUMN v_table1_studies.name_keys IS 'The names the study goes by, as lower-case letters and digits (evidence whose trial reduces to one of them is about this study).';
COMMENT ON COLUMN v_table1_studies.reports_by_title IS 'Trial reports whose title holds all, or at least two and two thirds, of the words of the study name: report_sha256, report (file name), own_trial (the trial most of its records carry).';
COMMENT ON COLUMN v_table1_studies.doc_sha256 IS 'sha256 of the review PDF.';
COMMENT ON COLUMN v_table1_studies.table_id IS 'Id of the Table 1 within the review.';
