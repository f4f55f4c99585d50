-- 0060: fact_evidence, run_facts and fact_versions lose their PRIMARY KEY index. They grow with every run, and DuckDB
-- rewrote each key's ART index at every checkpoint, so a batch's load needed more memory the larger the warehouse
-- (round 23: +70 MB at 11 MB of warehouse, +270 MB at 345 MB). Their keys stay unique: the loader inserts by
-- anti-join (warehouse/load.py, history.py, incremental.py) and warehouse/keys.py checks it. DuckDB cannot drop a
-- primary key, so each table is rebuilt: created in its new shape under another name (no comments: the table file
-- adds them), filled from the old one, which is dropped, then renamed.
CREATE TABLE fact_evidence_0060 (
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
INSERT INTO fact_evidence_0060 (record_id, doc, trial, nct, endpoint, arm, value, unit, statistic, timepoint, ci_low, ci_high, p_value, page, quote, source, doc_sha256, value_text, char_start, char_end, quote_start, span_base, bbox, table_id, table_row, table_col, extractor, extractor_version, first_run_id, last_run_id, is_current)
SELECT record_id, doc, trial, nct, endpoint, arm, value, unit, statistic, timepoint, ci_low, ci_high, p_value, page, quote, source, doc_sha256, value_text, char_start, char_end, quote_start, span_base, bbox, table_id, table_row, table_col, extractor, extractor_version, first_run_id, last_run_id, is_current FROM fact_evidence;
DROP TABLE fact_evidence;
ALTER TABLE fact_evidence_0060 RENAME TO fact_evidence;
CREATE TABLE run_facts_0060 (
    run_id VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL CHECK (regexp_matches(record_id, '^[0-9a-f]{64}$'))
);
INSERT INTO run_facts_0060 (run_id, record_id)
SELECT run_id, record_id FROM run_facts;
DROP TABLE run_facts;
ALTER TABLE run_facts_0060 RENAME TO run_facts;
CREATE TABLE fact_versions_0060 (
    fact_key VARCHAR NOT NULL CHECK (regexp_matches(fact_key, '^[0-9a-f]{64}$')),
    version_id VARCHAR NOT NULL CHECK (regexp_matches(version_id, '^[0-9a-f]{64}$')),
    valid_from_run VARCHAR NOT NULL,
    valid_to_run VARCHAR,
    record_id VARCHAR NOT NULL CHECK (regexp_matches(record_id, '^[0-9a-f]{64}$')),
    path VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$'))
);
INSERT INTO fact_versions_0060 (fact_key, version_id, valid_from_run, valid_to_run, record_id, path, doc, doc_sha256)
SELECT fact_key, version_id, valid_from_run, valid_to_run, record_id, path, doc, doc_sha256 FROM fact_versions;
DROP TABLE fact_versions;
ALTER TABLE fact_versions_0060 RENAME TO fact_versions;
