-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS curation_decisions (
    decision_id VARCHAR PRIMARY KEY CHECK (regexp_matches(decision_id, '^[0-9a-f]{64}$')),
    decided_at TIMESTAMP NOT NULL,
    curator VARCHAR NOT NULL CHECK (regexp_matches(curator, '\S')),
    fact_key VARCHAR NOT NULL CHECK (regexp_matches(fact_key, '^[0-9a-f]{64}$')),
    version_id VARCHAR NOT NULL CHECK (regexp_matches(version_id, '^[0-9a-f]{64}$')),
    action VARCHAR NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'note')),
    value DOUBLE,
    note VARCHAR,
    -- correct_has_value: a correction without the right number cannot be applied
    CHECK (NOT coalesce(action = 'correct', false) OR (value IS NOT NULL))
);
COMMENT ON TABLE curation_decisions IS 'Curator decisions on evidence facts (evidence review), append-only: each names the fact''s identity and the version it was made on, so a decision on a fact that changed since is stale.';
COMMENT ON COLUMN curation_decisions.decision_id IS 'content hash of the decision (primary key)';
COMMENT ON COLUMN curation_decisions.decided_at IS 'UTC time of the decision';
COMMENT ON COLUMN curation_decisions.curator IS 'who decided (--curator)';
COMMENT ON COLUMN curation_decisions.fact_key IS 'fact_versions.fact_key the decision is about';
COMMENT ON COLUMN curation_decisions.version_id IS 'fact_versions.version_id current when the decision was made';
COMMENT ON COLUMN curation_decisions.action IS 'accept, reject, correct (value holds the right number) or note';
COMMENT ON COLUMN curation_decisions.value IS 'the corrected value (action correct)';
COMMENT ON COLUMN curation_decisions.note IS 'the curator''s note or reason';
