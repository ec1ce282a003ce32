package org.secretariat.platform.security.impl;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A named API token of a user; the database holds only the SHA-256 of the token. */
@Entity
@Table(name = "SECURITY_TOKEN")
public class ApiTokenRecord {

    @Id
    @TableGenerator(name = "token", table = "SECURITY_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "TOKEN", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "token")
    Long id;

    @Column(name = "USER_ID", nullable = false)
    long userId;

    @Column(name = "NAME", nullable = false)
    String name;

    @Column(name = "TOKEN_HASH", nullable = false, unique = true)
    String tokenHash;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    Instant expiresAt;

    @Column(name = "REVOKED_AT")
    Instant revokedAt;

    @Column(name = "LAST_USED_AT")
    Instant lastUsedAt;

    /** Revokes every token of a user still valid (after their password was reset or the account locked). */
    static void revokeAllOf(EntityManager em, long userId, Instant now) {
        em.createQuery("UPDATE ApiTokenRecord t SET t.revokedAt = :now WHERE t.userId = :user AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("user", userId).executeUpdate();
    }

    static void deleteAllOf(EntityManager em, long userId) {
        em.createQuery("DELETE FROM ApiTokenRecord t WHERE t.userId = :user").setParameter("user", userId).executeUpdate();
    }
}
