-- The journal of module operations: the latest operation of each module, written before the framework
-- is touched, each step counted as it is done, and closed in the same transaction as MODULES_INSTALLED.
-- An operation still RUNNING at start was interrupted (a crash): it is put back before the platform is ready.
CREATE TABLE MODULES_OPERATION (
  MODULE_ID VARCHAR(100) NOT NULL PRIMARY KEY,
  OPERATION VARCHAR(20) NOT NULL,
  FROM_VERSION VARCHAR(100),
  TO_VERSION VARCHAR(100),
  STATE VARCHAR(20) NOT NULL,
  STEPS_TOTAL INTEGER NOT NULL,
  STEPS_DONE INTEGER NOT NULL,
  CREATED_CONFIGURATIONS VARCHAR(4000),
  OUTCOME VARCHAR(4000),
  STARTED_AT TIMESTAMP NOT NULL,
  ENDED_AT TIMESTAMP,
  ROW_VERSION INTEGER NOT NULL
);
