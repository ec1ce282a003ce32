#set( $MODULE = $moduleId.toUpperCase() )
#set( $ENTITY = $entity.toUpperCase() )
-- The ${moduleId} module's first schema. Never edit this file once a version that has it is
-- installed anywhere: the platform records its checksum and refuses the module if it changes. Add
-- V2__<what>.sql instead (portable SQL, backward compatible: add tables and columns, never drop).
CREATE TABLE ${MODULE}_${ENTITY} (
  ID BIGINT NOT NULL PRIMARY KEY,
  TITLE VARCHAR(200) NOT NULL,
  TITLE_KEY VARCHAR(200) NOT NULL,
  NOTES VARCHAR(2000),
  CREATED_AT TIMESTAMP NOT NULL,
  VERSION INTEGER NOT NULL
);
CREATE UNIQUE INDEX ${MODULE}_${ENTITY}_TITLE ON ${MODULE}_${ENTITY} (TITLE_KEY);
CREATE INDEX ${MODULE}_${ENTITY}_CREATED ON ${MODULE}_${ENTITY} (CREATED_AT);
CREATE TABLE ${MODULE}_SEQUENCE (
  SEQ_NAME VARCHAR(50) NOT NULL PRIMARY KEY,
  SEQ_COUNT BIGINT NOT NULL
);
INSERT INTO ${MODULE}_SEQUENCE (SEQ_NAME, SEQ_COUNT) VALUES ('${ENTITY}', 0);
