package org.secretariat.expertise.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A secret the experts' self-service links are signed with, made at random the first time a link is
 * signed (never in the code or the repository); links name the key that signed them.
 */
@Entity
@Table(name = "EXPERTISE_LINK_KEY")
public class LinkKey {

    @Id
    @Column(name = "ID")
    public Integer id;

    /** 32 random bytes, Base64. */
    @Column(name = "SECRET", nullable = false, length = 100)
    public String secret;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;
}
