package org.secretariat.expertise.impl.domain;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * An expert of the resource base. The lists (themes, languages, regions, kinds) are kept as {@code |a|b|}
 * through {@link Codes}. The profile is hidden the day after {@link #retainUntil} and deleted after the
 * grace period (see Retention).
 */
@Entity
@Table(name = "EXPERTISE_EXPERT")
public class Expert {

    @Id
    @TableGenerator(name = "EXPERT", table = "EXPERTISE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "EXPERT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "EXPERT")
    @Column(name = "ID")
    public Long id;

    /** The contacts module's person, when the expert was taken from there. */
    @Column(name = "PERSON_ID")
    public Long personId;

    @Column(name = "NAME", nullable = false, length = 200)
    public String name;

    @Column(name = "EMAIL", length = 254)
    public String email;

    @Column(name = "ORGANISATION", length = 300)
    public String organisation;

    @Column(name = "THEMES", nullable = false, length = 2000)
    public String themes;

    @Column(name = "LANGUAGES", nullable = false, length = 200)
    public String languages;

    @Column(name = "REGIONS", nullable = false, length = 200)
    public String regions;

    @Column(name = "KINDS", nullable = false, length = 100)
    public String kinds;

    /** The language the expert is written to in (ISO 639-1), or null for the profile's first. */
    @Column(name = "PREFERRED_LANGUAGE", length = 2)
    public String preferredLanguage;

    @Column(name = "CV_SHA256", length = 64)
    public String cvSha256;

    @Column(name = "CV_FILENAME", length = 200)
    public String cvFilename;

    @Column(name = "CV_SIZE")
    public Long cvSize;

    @Column(name = "CONSENT_DATE", nullable = false)
    public LocalDate consentDate;

    @Column(name = "RETAIN_UNTIL", nullable = false)
    public LocalDate retainUntil;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
