-- Finance 1.1: a meeting's costs are assessed among the states that took part. An assessment names
-- the meeting (0: the year's budget); a year has one budget assessment and a meeting one of its costs.
ALTER TABLE FINANCE_ASSESSMENT ADD COLUMN MEETING_ID BIGINT NOT NULL DEFAULT 0;
ALTER TABLE FINANCE_ASSESSMENT ADD COLUMN MEETING_TITLE VARCHAR(300);
DROP INDEX FINANCE_ASSESSMENT_YEAR;
CREATE UNIQUE INDEX FINANCE_ASSESSMENT_SCOPE ON FINANCE_ASSESSMENT (ASSESSMENT_YEAR, MEETING_ID);
