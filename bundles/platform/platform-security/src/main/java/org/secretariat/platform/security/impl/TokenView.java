package org.secretariat.platform.security.impl;

import java.time.Instant;

/** An API token as listed; {@code token}, the clear value, is present only in the answer to its creation. */
public record TokenView(Long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
        String token) {

    static TokenView of(ApiTokenRecord record, String token) {
        return new TokenView(record.id, record.name, record.createdAt, record.expiresAt, record.revokedAt, record.lastUsedAt, token);
    }
}
