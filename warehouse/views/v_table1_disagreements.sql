-- Curator view: Table 1 figures that the body text of the same document reports with another number.
CREATE OR REPLACE VIEW v_table1_disagreements AS
WITH current_facts AS NOT MATERIALIZED (  -- v_evidence without its ORDER BY, which sorted every current record at each use
    SELECT * FROM fact_evidence WHERE is_current
)
SELECT t.doc, t.trial, t.endpoint, t.arm, t.statistic, t.timepoint, t.unit,
       t.value AS table_value, b.value AS body_value,
       CASE WHEN round(b.value, CAST(length(split_part(replace(t.value_text, '·', '.'), '.', 2)) AS INTEGER)) = t.value
            THEN 'rounding' ELSE 'contradiction' END AS kind,
       t.page AS table_page, t.quote AS table_quote,
       b.page AS body_page, b.quote AS body_quote,
       t.record_id AS table_record_id, b.record_id AS body_record_id
FROM current_facts t
JOIN current_facts b
  ON b.doc_sha256 = t.doc_sha256 AND b.source = 'body' AND t.source = 'table'
 AND b.trial = t.trial AND b.endpoint = t.endpoint
 AND b.arm IS NOT DISTINCT FROM t.arm AND b.unit IS NOT DISTINCT FROM t.unit
 AND b.statistic = t.statistic AND b.timepoint IS NOT DISTINCT FROM t.timepoint
WHERE abs(b.value - t.value) > 0.05
  AND NOT EXISTS (
      SELECT 1 FROM current_facts s
      WHERE s.doc_sha256 = t.doc_sha256 AND s.source = 'body' AND s.trial = t.trial
        AND s.endpoint = t.endpoint AND s.arm IS NOT DISTINCT FROM t.arm
        AND s.statistic = t.statistic AND s.timepoint IS NOT DISTINCT FROM t.timepoint
        AND abs(s.value - t.value) <= 0.05)
ORDER BY t.doc, t.trial, t.endpoint, t.arm;
COMMENT ON VIEW v_table1_disagreements IS 'Table figures whose trial, endpoint, arm, statistic and timepoint match body figures of the same document, where no body figure agrees (within 0.05); quote and page on both sides as proof.';
COMMENT ON COLUMN v_table1_disagreements.doc IS 'File name of the source PDF.';
COMMENT ON COLUMN v_table1_disagreements.trial IS 'Canonical trial name.';
COMMENT ON COLUMN v_table1_disagreements.endpoint IS 'Endpoint code.';
COMMENT ON COLUMN v_table1_disagreements.arm IS 'Treatment arm.';
COMMENT ON COLUMN v_table1_disagreements.statistic IS 'Statistic of both figures.';
COMMENT ON COLUMN v_table1_disagreements.timepoint IS 'Timepoint of both figures.';
COMMENT ON COLUMN v_table1_disagreements.unit IS 'Unit of both figures.';
COMMENT ON COLUMN v_table1_disagreements.table_value IS 'The number in the table.';
COMMENT ON COLUMN v_table1_disagreements.body_value IS 'The number in the body text.';
COMMENT ON COLUMN v_table1_disagreements.kind IS 'rounding (the table rounds the body figure to its printed precision) or contradiction.';
COMMENT ON COLUMN v_table1_disagreements.table_page IS 'Page of the table figure.';
COMMENT ON COLUMN v_table1_disagreements.table_quote IS 'Table cell text.';
COMMENT ON COLUMN v_table1_disagreements.body_page IS 'Page of the body figure.';
COMMENT ON COLUMN v_table1_disagreements.body_quote IS 'Body sentence.';
COMMENT ON COLUMN v_table1_disagreements.table_record_id IS 'Record id of the table figure.';
COMMENT ON COLUMN v_table1_disagreements.body_record_id IS 'Record id of the body figure.';
