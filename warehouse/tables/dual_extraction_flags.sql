-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS dual_extraction_flags (
    flag_id VARCHAR PRIMARY KEY CHECK (regexp_matches(flag_id, '^[0-9a-f]{64}$')),
    doc VARCHAR NOT NULL,
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    source VARCHAR NOT NULL CHECK (source IN ('body', 'table')),
    page INTEGER NOT NULL CHECK (page >= 1),
    quote VARCHAR NOT NULL,
    value_text VARCHAR NOT NULL,
    char_start INTEGER NOT NULL CHECK (char_start >= 0),
    char_end INTEGER NOT NULL CHECK (char_end >= 0),
    table_id VARCHAR,
    table_row INTEGER CHECK (table_row >= 1),
    kind VARCHAR NOT NULL CHECK (kind IN ('readings_differ', 'only_with_ner', 'only_rules')),
    record_id VARCHAR CHECK (regexp_matches(record_id, '^[0-9a-f]{64}$')),
    trial VARCHAR,
    endpoint VARCHAR NOT NULL CHECK (endpoint IN ('CR', 'CR_CRI', 'ORR', 'MRD_NEG', 'RFS', 'EFS', 'DFS', 'PFS', 'OS', 'DOR', 'VOD', 'CRS', 'ICANS', 'GVHD', 'ALLOHSCT', 'NRM', 'ENROLLED')),
    arm VARCHAR,
    statistic VARCHAR NOT NULL CHECK (statistic IN ('rate', 'median', 'landmark', 'hazard_ratio', 'count')),
    timepoint VARCHAR,
    value DOUBLE NOT NULL,
    unit VARCHAR CHECK (unit IN ('%', 'months')),
    with_ner VARCHAR,
    rules_only VARCHAR,
    reason VARCHAR NOT NULL,
    first_run_id VARCHAR,
    last_run_id VARCHAR,
    is_current BOOLEAN NOT NULL
);
COMMENT ON TABLE dual_extraction_flags IS 'Dual extraction: each printed number that the full pass (rules + NER) and a rules-only pass read as different facts, or that only one of them reads, with both readings; listed for review until a curator decides (v_fact_conflicts, v_curation_pending).';
COMMENT ON COLUMN dual_extraction_flags.flag_id IS 'content hash of document, location and both readings (primary key); a curator decision on a number only the rules read names this id';
COMMENT ON COLUMN dual_extraction_flags.doc IS 'file name of the source PDF';
COMMENT ON COLUMN dual_extraction_flags.doc_sha256 IS 'sha256 of the source PDF';
COMMENT ON COLUMN dual_extraction_flags.source IS 'body or table';
COMMENT ON COLUMN dual_extraction_flags.page IS 'page of the number (1-based)';
COMMENT ON COLUMN dual_extraction_flags.quote IS 'sentence or cell that holds the number';
COMMENT ON COLUMN dual_extraction_flags.value_text IS 'the number as printed';
COMMENT ON COLUMN dual_extraction_flags.char_start IS 'start offset of the number (as in fact_evidence)';
COMMENT ON COLUMN dual_extraction_flags.char_end IS 'end offset of the number';
COMMENT ON COLUMN dual_extraction_flags.table_id IS 'table of a table number';
COMMENT ON COLUMN dual_extraction_flags.table_row IS 'table row of a table number';
COMMENT ON COLUMN dual_extraction_flags.kind IS 'readings_differ (both passes read the number, as different facts), only_with_ner (the rules alone do not read it) or only_rules (only the rules-only pass reads it)';
COMMENT ON COLUMN dual_extraction_flags.record_id IS 'fact_evidence record of the full pass''s reading; null for only_rules';
COMMENT ON COLUMN dual_extraction_flags.trial IS 'trial of the flagged reading (the full pass''s, else the rules-only one''s)';
COMMENT ON COLUMN dual_extraction_flags.endpoint IS 'endpoint of the flagged reading';
COMMENT ON COLUMN dual_extraction_flags.arm IS 'arm of the flagged reading';
COMMENT ON COLUMN dual_extraction_flags.statistic IS 'statistic of the flagged reading';
COMMENT ON COLUMN dual_extraction_flags.timepoint IS 'timepoint of the flagged reading';
COMMENT ON COLUMN dual_extraction_flags.value IS 'the number''s value';
COMMENT ON COLUMN dual_extraction_flags.unit IS '%, months or null';
COMMENT ON COLUMN dual_extraction_flags.with_ner IS 'the full pass''s readings of the number (trial endpoint arm statistic timepoint; ''; '' between readings), null when it reads none';
COMMENT ON COLUMN dual_extraction_flags.rules_only IS 'the rules-only pass''s readings of the number, null when it reads none';
COMMENT ON COLUMN dual_extraction_flags.reason IS 'the disagreement in words';
COMMENT ON COLUMN dual_extraction_flags.first_run_id IS 'run that first loaded this flag';
COMMENT ON COLUMN dual_extraction_flags.last_run_id IS 'latest run that produced this flag';
COMMENT ON COLUMN dual_extraction_flags.is_current IS 'true when the latest run that read the document gave this flag';
