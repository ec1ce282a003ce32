-- Contacts 1.2: the descending orders of the lists of people (by name or family name, newest sort first, ties by id
-- ascending as the lists have always broken them). Derby reads an index in one direction only, so without these a
-- descending page sorted all 100 000 people.
CREATE INDEX CONTACTS_PERSON_NAME_DESC ON CONTACTS_PERSON (NAME_KEY DESC, ID);
CREATE INDEX CONTACTS_PERSON_FAMILY_DESC ON CONTACTS_PERSON (FAMILY_NAME DESC, ID);
