-- A document is its path plus its content: run_documents records the path each run parsed a document at, so
-- v_evidence_changes no longer joins documents on sha256 alone. Earlier rows take every parsed path of their bytes.
CREATE TEMP TABLE migrate_old_run_documents AS SELECT * FROM run_documents;
DROP TABLE run_documents;
CREATE TABLE run_documents (
    run_id VARCHAR,
    doc_sha256 VARCHAR CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    path VARCHAR,
    PRIMARY KEY (run_id, doc_sha256, path)
);
INSERT INTO run_documents (run_id, doc_sha256, path)
SELECT DISTINCT o.run_id, o.doc_sha256, d.path
FROM migrate_old_run_documents o JOIN documents d ON d.sha256 = o.doc_sha256 AND d.status = 'parsed';
DROP TABLE migrate_old_run_documents;
