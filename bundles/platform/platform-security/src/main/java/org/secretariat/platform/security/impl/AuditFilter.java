package org.secretariat.platform.security.impl;

import java.time.Instant;

import javax.persistence.TypedQuery;

import org.secretariat.platform.api.persistence.LikePatterns;

/**
 * Which audit events to show: by actor, action prefix, entity (a path, with everything under it: {@code /api/contacts/people/7}
 * also selects {@code /api/contacts/people/7/positions}), outcome and period; null means any.
 */
record AuditFilter(String actor, String action, String entity, String outcome, Instant from, Instant to) {

    String where() {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (actor != null) {
            where.append(" AND e.actor = :actor");
        }
        if (action != null) {
            where.append(" AND e.action LIKE :action ESCAPE '\\'");
        }
        if (entity != null) {
            // the prefix first: a range of the entity index; then the path itself or what is under it
            where.append(" AND e.entity LIKE :prefix ESCAPE '\\' AND (e.entity = :entity OR e.entity LIKE :under ESCAPE '\\')");
        }
        if (outcome != null) {
            where.append(" AND e.outcome = :outcome");
        }
        if (from != null) {
            where.append(" AND e.occurredAt >= :from");
        }
        if (to != null) {
            where.append(" AND e.occurredAt < :to");
        }
        return where.toString();
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (action != null) {
            query.setParameter("action", LikePatterns.literal(action) + "%");
        }
        if (entity != null) {
            query.setParameter("prefix", LikePatterns.literal(entity) + "%");
            query.setParameter("entity", entity);
            query.setParameter("under", LikePatterns.literal(entity) + "/%");
        }
        if (outcome != null) {
            query.setParameter("outcome", outcome);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }
}
