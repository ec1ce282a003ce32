-- Sponsorship, version 2 (module 1.1.0): the day an application's personal data were erased after its
-- retention date (names, e-mail, the contacts person, free text, the nomination letter); the rest stays
-- for the donor report and the statistics.
ALTER TABLE SPONSORSHIP_APPLICATION ADD COLUMN ERASED_ON DATE;
CREATE INDEX SPONSORSHIP_APPLICATION_RETAIN ON SPONSORSHIP_APPLICATION (RETAIN_UNTIL);
