-- Curator view: records added or removed between the last two runs that parsed each document.
CREATE OR REPLACE VIEW v_evidence_changes AS
WITH ranked AS (
    SELECT rd.doc_sha256, rd.run_id,
           row_number() OVER (PARTITION BY rd.doc_sha256 ORDER BY r.started_at DESC, rd.run_id DESC) AS age
    FROM run_documents rd
    JOIN runs r USING (run_id)
), latest AS (
    SELECT rf.record_id, f.doc_sha256
    FROM run_facts rf JOIN fact_evidence f USING (record_id)
    JOIN ranked k ON k.run_id = rf.run_id AND k.doc_sha256 = f.doc_sha256 AND k.age = 1
), previous AS (
    SELECT rf.record_id, f.doc_sha256
    FROM run_facts rf JOIN fact_evidence f USING (record_id)
    JOIN ranked k ON k.run_id = rf.run_id AND k.doc_sha256 = f.doc_sha256 AND k.age = 2
), changes AS (
    SELECT 'added' AS change, record_id FROM (SELECT record_id FROM latest EXCEPT SELECT record_id FROM previous)
    UNION ALL
    SELECT 'removed' AS change, record_id FROM (SELECT record_id FROM previous EXCEPT SELECT record_id FROM latest)
)
SELECT c.change, f.doc, f.trial, f.endpoint, f.arm, f.value, f.unit, f.statistic, f.timepoint,
       f.page, f.quote, f.source, f.record_id
FROM changes c JOIN fact_evidence f USING (record_id)
ORDER BY f.doc, c.change, f.page, f.record_id;
COMMENT ON VIEW v_evidence_changes IS 'Evidence records added or removed in the latest run of each document, compared with its previous run (set difference of run_facts).';
COMMENT ON COLUMN v_evidence_changes.change IS 'added (new in the latest run) or removed (present in the previous run only).';
COMMENT ON COLUMN v_evidence_changes.doc IS 'File name of the source PDF.';
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
