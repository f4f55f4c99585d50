-- Table 1 columns that map to no role (issue 9) are kept per row as a JSON object.
ALTER TABLE table1_rows ADD COLUMN IF NOT EXISTS extra_cells JSON;
COMMENT ON COLUMN table1_rows.extra_cells IS 'cells of columns that map to no role, as a JSON object: header as printed -> cell';
