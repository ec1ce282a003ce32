package org.secretariat.platform.security.impl;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.Id;
import javax.persistence.Table;

/** A login session; the database holds only the SHA-256 of the cookie value. */
@Entity
@Table(name = "SECURITY_SESSION")
public class SessionRecord {

    @Id
    @Column(name = "ID_HASH")
    String idHash;

    @Column(name = "USER_ID", nullable = false)
    long userId;

    @Column(name = "CSRF_TOKEN", nullable = false)
    String csrfToken;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    Instant lastSeenAt;

    /** Ends every session of a user except the one whose hash is {@code keepHash} (none kept when null). */
    static void deleteAllOf(EntityManager em, long userId, String keepHash) {
        em.createQuery("DELETE FROM SessionRecord s WHERE s.userId = :user AND s.idHash <> :keep")
                .setParameter("user", userId).setParameter("keep", keepHash == null ? "" : keepHash).executeUpdate();
    }
}
