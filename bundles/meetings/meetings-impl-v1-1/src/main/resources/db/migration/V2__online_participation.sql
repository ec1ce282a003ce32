-- Meetings 1.1: hybrid meetings. The link for remote participation and the languages of interpretation.
CREATE TABLE MEETINGS_ONLINE (
  MEETING_ID BIGINT NOT NULL PRIMARY KEY,
  ONLINE_URL VARCHAR(500),
  INTERPRETATION VARCHAR(100)
);
