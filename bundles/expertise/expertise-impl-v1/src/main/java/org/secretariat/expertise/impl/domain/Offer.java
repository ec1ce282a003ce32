package org.secretariat.expertise.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** What a State (by ISO code) or an organisation (by name) can provide. */
@Entity
@Table(name = "EXPERTISE_OFFER")
public class Offer {

    @Id
    @TableGenerator(name = "OFFER", table = "EXPERTISE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "OFFER", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OFFER")
    @Column(name = "ID")
    public Long id;

    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    @Column(name = "ORGANISATION", length = 300)
    public String organisation;

    @Column(name = "THEME", nullable = false, length = 200)
    public String theme;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    public HelpKind kind;

    @Column(name = "LANGUAGES", nullable = false, length = 200)
    public String languages;

    @Column(name = "REGIONS", nullable = false, length = 200)
    public String regions;

    @Column(name = "DESCRIPTION", nullable = false, length = 4000)
    public String description;

    @Column(name = "PUBLIC_OFFER", nullable = false)
    public boolean publicOffer;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
