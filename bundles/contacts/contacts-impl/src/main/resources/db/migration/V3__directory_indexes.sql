-- Contacts 1.2: indexes for a directory of 100 000 people and thousands of organisations. Lists are ordered by
-- a key with the id as tie-break, so each order gets an index with both columns: a page is read in index order
-- instead of sorting the whole table. Indexes only: contacts 1.1.0 and 1.0.0 run on this schema after a rollback.
CREATE INDEX CONTACTS_PERSON_NAME_ID ON CONTACTS_PERSON (NAME_KEY, ID);
CREATE INDEX CONTACTS_PERSON_FAMILY_ID ON CONTACTS_PERSON (FAMILY_NAME, ID);
CREATE INDEX CONTACTS_ORGANISATION_NAME_ID ON CONTACTS_ORGANISATION (NAME_KEY, ID);
CREATE INDEX CONTACTS_PERSON_STATE_NAME_ID ON CONTACTS_PERSON (STATE_ISO2, NAME_KEY, ID);
