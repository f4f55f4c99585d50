"""Table 1 of a review -> Table1Row: find the table, map its header roles, read its patient counts."""
