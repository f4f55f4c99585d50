-- Supersession by DOI or title: documents record the DOI and title they print (extractors/doc_meta.py), so a file
-- at another path that prints the same work supersedes the current one (warehouse/supersede.py). Old rows keep null
-- until their file is read again (evidence run --full).
ALTER TABLE documents ADD COLUMN doi VARCHAR;
ALTER TABLE documents ADD COLUMN title VARCHAR;
ALTER TABLE documents ADD COLUMN superseded_by VARCHAR;
