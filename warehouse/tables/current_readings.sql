-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS current_readings (
    path VARCHAR PRIMARY KEY,
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    status VARCHAR NOT NULL CHECK (status IN ('parsed', 'encrypted', 'corrupt', 'no_text_layer', 'empty', 'too_large', 'timeout', 'worker_crashed', 'duplicate')),
    parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
COMMENT ON TABLE current_readings IS 'Per file path, the bytes and the parser and extractor versions whose readings the warehouse holds as current; an incremental run does not read again a file that still matches.';
COMMENT ON COLUMN current_readings.path IS 'path of the file as found (primary key)';
COMMENT ON COLUMN current_readings.doc_sha256 IS 'sha256 of the bytes read at this path';
COMMENT ON COLUMN current_readings.status IS 'ingest outcome of those bytes: parsed, encrypted, corrupt, no_text_layer, empty, too_large, timeout, worker_crashed, duplicate';
COMMENT ON COLUMN current_readings.parser_version IS 'PDF parser version that read them';
COMMENT ON COLUMN current_readings.extractor_version IS 'extractor fingerprint (code, rules, gazetteers, NER model, settings) that extracted the records';
COMMENT ON COLUMN current_readings.run_id IS 'latest run that read or confirmed this file';
