-- The audit log at the size of fifteen years of a unit (200 000 events and more): every list of it is ordered by
-- time, newest first, with the id as tie-break, so each filter gets an index in that order and a page reads its
-- own rows instead of sorting every event the filter selects. By entity (the path written to) is a filter of its own.
CREATE INDEX AUDIT_EVENT_NEWEST ON AUDIT_EVENT (OCCURRED_AT DESC, ID DESC);
CREATE INDEX AUDIT_EVENT_ACTOR_NEWEST ON AUDIT_EVENT (ACTOR, OCCURRED_AT DESC, ID DESC);
CREATE INDEX AUDIT_EVENT_ENTITY_NEWEST ON AUDIT_EVENT (ENTITY, OCCURRED_AT DESC, ID DESC);
