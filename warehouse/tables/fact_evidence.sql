-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
-- Key (record_id): unique, kept so by the loader's anti-joins, with no PRIMARY KEY
-- index (DuckDB rewrote it at every checkpoint as the table grew); warehouse/keys.py checks it.
CREATE TABLE IF NOT EXISTS fact_evidence (
    record_id VARCHAR NOT NULL CHECK (regexp_matches(record_id, '^[0-9a-f]{64}$')),
    doc VARCHAR NOT NULL,
    trial VARCHAR CHECK (regexp_matches(trial, '\S')),
    nct VARCHAR CHECK (regexp_matches(nct, '^NCT[0-9]{8}$')),
    endpoint VARCHAR NOT NULL CHECK (endpoint IN ('CR', 'CR_CRI', 'ORR', 'MRD_NEG', 'RFS', 'EFS', 'DFS', 'PFS', 'OS', 'DOR', 'VOD', 'CRS', 'ICANS', 'GVHD', 'ALLOHSCT', 'NRM', 'ENROLLED')),
    arm VARCHAR CHECK (regexp_matches(arm, '\S')),
    value DOUBLE NOT NULL,
    unit VARCHAR CHECK (unit IN ('%', 'months')),
    statistic VARCHAR NOT NULL CHECK (statistic IN ('rate', 'median', 'landmark', 'hazard_ratio', 'count')),
    timepoint VARCHAR CHECK (regexp_matches(timepoint, '^([0-9]+(\.[0-9]+)?(d|wk|mo|y)|[0-9]+cycles|cycle[0-9]+|d[0-9]+|EOI|EOT)$')),
    ci_low DOUBLE,
    ci_high DOUBLE,
    p_value DOUBLE CHECK (p_value >= 0 AND p_value <= 1),
    page INTEGER NOT NULL CHECK (page >= 1),
    quote VARCHAR NOT NULL CHECK (regexp_matches(quote, '\S')),
    source VARCHAR NOT NULL CHECK (source IN ('body', 'table')),
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    value_text VARCHAR NOT NULL CHECK (regexp_matches(value_text, '\S')),
    char_start INTEGER NOT NULL CHECK (char_start >= 0),
    char_end INTEGER NOT NULL CHECK (char_end >= 0),
    quote_start INTEGER NOT NULL CHECK (quote_start >= 0),
    span_base VARCHAR NOT NULL CHECK (span_base IN ('document', 'cell')),
    bbox DOUBLE[],
    table_id VARCHAR,
    table_row INTEGER CHECK (table_row >= 1),
    table_col INTEGER CHECK (table_col >= 0),
    extractor VARCHAR NOT NULL CHECK (regexp_matches(extractor, '\S')),
    extractor_version VARCHAR NOT NULL,
    first_run_id VARCHAR,
    last_run_id VARCHAR,
    is_current BOOLEAN NOT NULL,
    -- percent_within_0_100: a share of patients cannot exceed 100% or be negative
    CHECK (NOT coalesce(unit = '%', false) OR (value >= 0 AND value <= 100)),
    -- months_within_0_240: no trial follows patients for more than 20 years; larger numbers are misread years or counts
    CHECK (NOT coalesce(unit = 'months', false) OR (value >= 0 AND value <= 240)),
    -- hazard_ratio_positive: a hazard ratio is a ratio of positive rates
    CHECK (NOT coalesce(statistic = 'hazard_ratio', false) OR (value > 0)),
    -- hazard_ratio_unitless: a hazard ratio is dimensionless
    CHECK (NOT coalesce(statistic = 'hazard_ratio', false) OR (unit IS NULL)),
    -- count_unitless: a head count is a number of patients, not a share or a time
    CHECK (NOT coalesce(statistic = 'count', false) OR (unit IS NULL)),
    -- count_nonnegative: a head count cannot be negative
    CHECK (NOT coalesce(statistic = 'count', false) OR (value >= 0)),
    -- count_whole: a head count has no fraction
    CHECK (NOT coalesce(statistic = 'count', false) OR ((value = round(value)))),
    -- enrolled_is_count: enrolment is reported as a number of patients
    CHECK (NOT coalesce(endpoint = 'ENROLLED', false) OR (statistic IN ('count'))),
    -- median_in_months: medians of time-to-event endpoints are durations
    CHECK (NOT coalesce(statistic = 'median', false) OR (unit IN ('months'))),
    -- rate_in_percent: rates and landmark estimates are shares of patients
    CHECK (NOT coalesce(statistic IN ('rate', 'landmark'), false) OR (unit IN ('%'))),
    -- rate_has_unit: a rate without its % sign was probably misread
    CHECK (NOT coalesce(statistic IN ('rate', 'landmark'), false) OR (unit IS NOT NULL)),
    -- time_to_event_statistic: medians summarise time-to-event endpoints, not response rates, cumulative incidences or counts
    CHECK (NOT coalesce(statistic = 'median', false) OR (endpoint IN ('RFS', 'EFS', 'DFS', 'PFS', 'OS', 'DOR'))),
    -- hazard_ratio_endpoint: hazard ratios compare times to an event, including competing-risk incidences (NRM, GVHD, VOD: a subdistribution hazard ratio); never response rates or counts
    CHECK (NOT coalesce(statistic = 'hazard_ratio', false) OR (endpoint IN ('RFS', 'EFS', 'DFS', 'PFS', 'OS', 'DOR', 'NRM', 'GVHD', 'VOD'))),
    -- landmark_has_timepoint: a landmark estimate in the text is meaningless without its time; a table's is kept as printed (gold README: its time point comes from the body)
    CHECK (NOT coalesce((statistic = 'landmark' AND source <> 'table') = true, false) OR (timepoint IS NOT NULL)),
    -- timepoint_only_for_landmark_or_rate: a landmark has its time and a rate its assessment window (12wk, cycle1, EOI); medians, ratios and counts have none
    CHECK (NOT coalesce(statistic IN ('median', 'hazard_ratio', 'count'), false) OR (timepoint IS NULL)),
    -- ci_low_at_most_value: a point estimate lies inside its confidence interval
    CHECK ((ci_low <= value)),
    -- value_at_most_ci_high: a point estimate lies inside its confidence interval
    CHECK ((value <= ci_high)),
    -- value_text_in_quote: a quote is evidence only if the number as printed occurs in it
    CHECK (((value_text IS NULL OR strpos(quote, value_text) > 0))),
    -- comparative_quote_has_arm: a result quoted against another arm belongs to one arm; head counts often cover the whole trial
    CHECK (NOT coalesce((statistic <> 'count' AND regexp_matches(quote, '\b(vs\.?|versus|compared (with|to))\b', 'i')) = true, false) OR (arm IS NOT NULL)),
    -- table_fact_has_trial: every review Table 1 row names its trial, so its facts must carry it; a report's results table may describe an unnamed study (GUIDE.md: trial null)
    CHECK (NOT coalesce((source = 'table' AND starts_with(extractor, 'table1:')) = true, false) OR (trial IS NOT NULL)),
    -- body_span_base: a body record's offsets count from its document text
    CHECK (NOT coalesce(source = 'body', false) OR (span_base IN ('document'))),
    -- table_span_base: a table record's offsets count from its cell text
    CHECK (NOT coalesce(source = 'table', false) OR (span_base IN ('cell'))),
    -- table_fact_has_table_id: provenance of a table fact is its table and cell
    CHECK (NOT coalesce(source = 'table', false) OR (table_id IS NOT NULL)),
    -- char_span_ordered: a span cannot end before it starts
    CHECK ((char_start <= char_end)),
    -- bbox_has_four_coordinates: a bounding box is (x0, top, x1, bottom); any other length is a serialisation bug
    CHECK (((bbox IS NULL OR len(bbox) = 4)))
);
COMMENT ON TABLE fact_evidence IS 'One row per extracted evidence record: the export fields, then provenance and run lineage.';
COMMENT ON COLUMN fact_evidence.record_id IS 'content hash of source location and reading (the table''s key)';
COMMENT ON COLUMN fact_evidence.doc IS 'file name of the source PDF';
COMMENT ON COLUMN fact_evidence.trial IS 'trial name as the source names it, or null for an unnamed study';
COMMENT ON COLUMN fact_evidence.nct IS 'ClinicalTrials.gov number without spaces';
COMMENT ON COLUMN fact_evidence.endpoint IS 'endpoint code: CR, CR_CRI, ORR, MRD_NEG, RFS, EFS, DFS, PFS, OS, DOR, VOD, CRS, ICANS, GVHD, ALLOHSCT, NRM, ENROLLED';
COMMENT ON COLUMN fact_evidence.arm IS 'treatment arm, or null for a whole single-arm cohort';
COMMENT ON COLUMN fact_evidence.value IS 'the reported number';
COMMENT ON COLUMN fact_evidence.unit IS '%, months, or null';
COMMENT ON COLUMN fact_evidence.statistic IS 'what the value is: rate, median, landmark, hazard_ratio, count';
COMMENT ON COLUMN fact_evidence.timepoint IS 'landmark time (6mo, 2y) or a rate''s assessment window (12wk, cycle1, 2cycles, EOI, EOT, d85)';
COMMENT ON COLUMN fact_evidence.ci_low IS 'lower bound of the confidence interval';
COMMENT ON COLUMN fact_evidence.ci_high IS 'upper bound of the confidence interval';
COMMENT ON COLUMN fact_evidence.p_value IS 'p-value reported with the result';
COMMENT ON COLUMN fact_evidence.page IS '1-based page of the quote';
COMMENT ON COLUMN fact_evidence.quote IS 'source text span holding the value and its endpoint';
COMMENT ON COLUMN fact_evidence.source IS 'body or table';
COMMENT ON COLUMN fact_evidence.doc_sha256 IS 'sha256 of the source PDF';
COMMENT ON COLUMN fact_evidence.value_text IS 'the number as printed, e.g. 34 or two-thirds';
COMMENT ON COLUMN fact_evidence.char_start IS 'start of value_text in the text span_base names';
COMMENT ON COLUMN fact_evidence.char_end IS 'end of value_text in the text span_base names';
COMMENT ON COLUMN fact_evidence.quote_start IS 'start of quote in the text span_base names';
COMMENT ON COLUMN fact_evidence.span_base IS 'what the offsets count from: document (the document text, body records) or cell (the table cell''s text, table records)';
COMMENT ON COLUMN fact_evidence.bbox IS 'bounding box of the value (x0, top, x1, bottom) in PDF points';
COMMENT ON COLUMN fact_evidence.table_id IS 'source table id when source is table';
COMMENT ON COLUMN fact_evidence.table_row IS '1-based data-row number in the source table (Table 1: v_table1.row_number)';
COMMENT ON COLUMN fact_evidence.table_col IS '0-based column index in the source table';
COMMENT ON COLUMN fact_evidence.extractor IS 'id of the rule or model that produced the record';
COMMENT ON COLUMN fact_evidence.extractor_version IS 'version of that rule or model';
COMMENT ON COLUMN fact_evidence.first_run_id IS 'run that first loaded this record';
COMMENT ON COLUMN fact_evidence.last_run_id IS 'latest run that produced this record';
COMMENT ON COLUMN fact_evidence.is_current IS 'true when the latest run that read the document produced this record';
