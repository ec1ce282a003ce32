package org.secretariat.meetings.impl.registration;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Since 1.2: a secret the registration links are signed with, made at random the first time a link is
 * signed (never in the code or the repository). Links name the key that signed them, so a newer key
 * can be added later while links signed with an older one still hold until they expire; removing a
 * key's row revokes every link it signed.
 */
@Entity
@Table(name = "MEETINGS_LINK_KEY")
class LinkKey {

    @Id
    @Column(name = "ID")
    Integer id;

    /** 32 random bytes, Base64. */
    @Column(name = "SECRET", nullable = false, length = 100)
    String secret;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;
}
