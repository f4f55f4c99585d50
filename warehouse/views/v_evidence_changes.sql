-- Curator view: records added or removed between the last two runs that parsed each file path (a file replaced
-- in place is compared with its previous version). A document is its path plus its content: run_documents says which
-- path each run parsed, so the same bytes at two paths are two documents.
CREATE OR REPLACE VIEW v_evidence_changes AS
WITH ranked AS (
    SELECT rd.path, rd.doc_sha256, rd.run_id,
           row_number() OVER (PARTITION BY rd.path ORDER BY r.started_at DESC, rd.run_id DESC) AS age
    FROM run_documents rd
    JOIN runs r USING (run_id)
), readings AS (
    SELECT k.path, k.age, f.record_id, f.trial, f.endpoint, f.arm, f.value, f.unit, f.statistic, f.timepoint,
           f.page, f.quote, f.source
    FROM ranked k
    JOIN run_facts rf ON rf.run_id = k.run_id
    JOIN fact_evidence f ON f.record_id = rf.record_id AND f.doc_sha256 = k.doc_sha256
    WHERE k.age <= 2
), latest AS (
    SELECT path, trial, endpoint, arm, value, unit, statistic, timepoint, source FROM readings WHERE age = 1
), previous AS (
    SELECT path, trial, endpoint, arm, value, unit, statistic, timepoint, source FROM readings WHERE age = 2
), changed AS (
    SELECT 'added' AS change, * FROM (SELECT * FROM latest EXCEPT SELECT * FROM previous)
    UNION ALL
    SELECT 'removed' AS change, * FROM (SELECT * FROM previous EXCEPT SELECT * FROM latest)
)
SELECT DISTINCT ON (c.change, r.record_id)
       c.change, regexp_extract(c.path, '[^/\\]+$') AS doc, c.path, c.trial, c.endpoint, c.arm, c.value, c.unit,
       c.statistic, c.timepoint, r.page, r.quote, c.source, r.record_id
FROM changed c
JOIN readings r
  ON r.path = c.path AND r.age = CASE c.change WHEN 'added' THEN 1 ELSE 2 END
 AND r.trial IS NOT DISTINCT FROM c.trial AND r.endpoint = c.endpoint AND r.arm IS NOT DISTINCT FROM c.arm
 AND r.value = c.value AND r.unit IS NOT DISTINCT FROM c.unit AND r.statistic = c.statistic
 AND r.timepoint IS NOT DISTINCT FROM c.timepoint AND r.source = c.source
ORDER BY doc, c.change, r.page, r.record_id;
COMMENT ON VIEW v_evidence_changes IS 'Readings (trial, endpoint, arm, value, unit, statistic, timepoint, source) added or removed in the latest run of each file path compared with the previous run that parsed it; a reading that only moved (new page or offsets, or a new file version saying the same) is not a change.';
COMMENT ON COLUMN v_evidence_changes.change IS 'added (new in the latest run) or removed (present in the previous run only).';
COMMENT ON COLUMN v_evidence_changes.doc IS 'File name of the source PDF.';
COMMENT ON COLUMN v_evidence_changes.path IS 'Path of the source PDF as the runs saw it.';
COMMENT ON COLUMN v_evidence_changes.trial IS 'Canonical trial name.';
COMMENT ON COLUMN v_evidence_changes.endpoint IS 'Endpoint code.';
COMMENT ON COLUMN v_evidence_changes.arm IS 'Treatment arm.';
COMMENT ON COLUMN v_evidence_changes.value IS 'The reported number.';
COMMENT ON COLUMN v_evidence_changes.unit IS '%, months, or null.';
COMMENT ON COLUMN v_evidence_changes.statistic IS 'rate, median, landmark, hazard_ratio or count.';
COMMENT ON COLUMN v_evidence_changes.timepoint IS 'Landmark timepoint.';
COMMENT ON COLUMN v_evidence_changes.page IS 'Page of the value.';
COMMENT ON COLUMN v_evidence_changes.quote IS 'Verbatim sentence or cell.';
COMMENT ON COLUMN v_evidence_changes.source IS 'body or table.';
COMMENT ON COLUMN v_evidence_changes.record_id IS 'Content-hash id of the record.';
