-- Curator view: Table 1 rows whose reference markers disagree with how the review body cites the same trial.
CREATE OR REPLACE VIEW v_table1_reference_mismatches AS
WITH rows AS (
    SELECT DISTINCT s.doc, s.doc_sha256, s.row_number, s.trial, r.reference
    FROM v_table1_sync s
    JOIN table1_rows r ON r.is_current AND r.doc_sha256 = s.doc_sha256 AND r.row_number = s.row_number
),
markers AS (  -- citation markers as printed: '[23,24,25]', '[16–19]' in body sentences, the [..] of each Table 1 row
    SELECT 'body' AS side, doc_sha256, trial, NULL::INTEGER AS row_number, page, quote,
           unnest(regexp_extract_all(quote, '\[([0-9][0-9,;–—− -]*)\]', 1)) AS marker
    FROM v_evidence WHERE source = 'body'
    UNION ALL
    SELECT 'table', doc_sha256, trial, row_number, NULL, NULL, reference FROM rows WHERE reference IS NOT NULL
),
parts AS (
    SELECT *, unnest(regexp_split_to_array(marker, '\s*[,;]\s*')) AS part FROM markers
),
cited AS (  -- one row per cited number, ranges expanded
    SELECT DISTINCT side, doc_sha256, trial, row_number, page, quote,
           unnest(generate_series(CAST(regexp_extract(part, '^([0-9]+)', 1) AS INTEGER),
                                  CAST(coalesce(nullif(regexp_extract(part, '[–—−-]\s*([0-9]+)$', 1), ''),
                                                regexp_extract(part, '^([0-9]+)', 1)) AS INTEGER))) AS ref
    FROM parts WHERE regexp_matches(part, '^[0-9]')
),
body_cites AS (
    SELECT doc_sha256, trial, page, quote, ref FROM cited WHERE side = 'body'
),
table_refs AS (
    SELECT doc_sha256, row_number, ref FROM cited WHERE side = 'table'
),
per_row AS (
    SELECT r.doc, r.doc_sha256, r.row_number, r.trial, r.reference,
           (SELECT list(DISTINCT t.ref ORDER BY t.ref) FROM table_refs t
             WHERE t.doc_sha256 = r.doc_sha256 AND t.row_number = r.row_number) AS table_refs,
           (SELECT list(DISTINCT b.ref ORDER BY b.ref) FROM body_cites b
             WHERE b.doc_sha256 = r.doc_sha256 AND b.trial = r.trial) AS body_refs
    FROM rows r
),
disjoint AS (  -- the body cites the trial, but never with any of the table's references
    SELECT p.doc, p.row_number, p.trial, p.reference AS table_reference,
           array_to_string(p.body_refs, ',') AS body_reference, 'different' AS kind,
           'the body cites ' || p.trial || ' as [' || array_to_string(p.body_refs, ',') || '], the table as ['
               || p.reference || ']' AS reason,
           (SELECT min(b.page) FROM body_cites b WHERE b.doc_sha256 = p.doc_sha256 AND b.trial = p.trial) AS body_page,
           (SELECT min(b.quote) FROM body_cites b WHERE b.doc_sha256 = p.doc_sha256 AND b.trial = p.trial) AS body_quote
    FROM per_row p
    WHERE len(p.body_refs) > 0 AND len(list_intersect(p.table_refs, p.body_refs)) = 0
),
extra AS (  -- the table adds a reference that the body cites for another (or an unnamed) study
    SELECT p.doc, p.row_number, p.trial, p.reference AS table_reference,
           array_to_string(p.body_refs, ',') AS body_reference, 'extra' AS kind,
           'the table also cites [' || t.ref || '], which the body cites for '
               || coalesce(min(b.trial), 'an unnamed study') || ', not for ' || p.trial AS reason,
           min(b.page) AS body_page, min(b.quote) AS body_quote
    FROM per_row p
    JOIN table_refs t ON t.doc_sha256 = p.doc_sha256 AND t.row_number = p.row_number
    JOIN body_cites b ON b.doc_sha256 = p.doc_sha256 AND b.ref = t.ref AND b.trial IS DISTINCT FROM p.trial
    WHERE len(p.body_refs) > 0 AND len(list_intersect(p.table_refs, p.body_refs)) > 0
      AND NOT list_contains(p.body_refs, t.ref)
    GROUP BY p.doc, p.row_number, p.trial, p.reference, p.body_refs, t.ref
)
SELECT * FROM disjoint
UNION ALL
SELECT * FROM extra
ORDER BY doc, row_number, kind;
COMMENT ON VIEW v_table1_reference_mismatches IS 'Table 1 rows whose [..] reference markers disagree with the citations the review body gives for the same trial: different references altogether, or an extra reference the body uses for another study.';
COMMENT ON COLUMN v_table1_reference_mismatches.doc IS 'File name of the review.';
COMMENT ON COLUMN v_table1_reference_mismatches.row_number IS 'Table 1 row.';
COMMENT ON COLUMN v_table1_reference_mismatches.trial IS 'Canonical trial name of the row.';
COMMENT ON COLUMN v_table1_reference_mismatches.table_reference IS 'The row''s reference marker as printed.';
COMMENT ON COLUMN v_table1_reference_mismatches.body_reference IS 'Reference numbers the body cites in sentences about the trial.';
COMMENT ON COLUMN v_table1_reference_mismatches.kind IS 'different (no reference in common) or extra (the table adds a reference the body gives another study).';
COMMENT ON COLUMN v_table1_reference_mismatches.reason IS 'The mismatch in words.';
COMMENT ON COLUMN v_table1_reference_mismatches.body_page IS 'Page of a body sentence that shows the citation.';
COMMENT ON COLUMN v_table1_reference_mismatches.body_quote IS 'A body sentence that shows the citation.';
