-- Table 1 columns that map to no role, and the patient counts of the total-patients cell (issue 9).
ALTER TABLE table1_rows ADD COLUMN IF NOT EXISTS extra_cells JSON;
COMMENT ON COLUMN table1_rows.extra_cells IS 'cells of columns that map to no role, as a JSON object: header as printed -> cell';
ALTER TABLE table1_rows ADD COLUMN IF NOT EXISTS patient_counts JSON;
COMMENT ON COLUMN table1_rows.patient_counts IS 'patient counts read from the total-patients cell, as a JSON list of {value, arm, char_start, char_end}; arm null counts all patients';
