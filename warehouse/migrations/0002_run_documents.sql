-- Which parsed documents each run read (commit 9745252), so a run that found no records for a document still counts
-- in v_evidence_changes. Created here in its first shape; 0005 gives it its path.
CREATE TABLE IF NOT EXISTS run_documents (
    run_id VARCHAR,
    doc_sha256 VARCHAR CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    PRIMARY KEY (run_id, doc_sha256)
);
