package org.secretariat.contacts.impl;

import java.time.Instant;
import java.time.LocalDate;

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

/** An organisation: UN body, international organisation, NGO, host institution, donor, ministry... */
@Entity
@Table(name = "CONTACTS_ORGANISATION")
class Organisation {

    @Id
    @TableGenerator(name = "ORGANISATION", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ORGANISATION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ORGANISATION")
    Long id;

    @Column(name = "NAME", nullable = false, length = 300)
    String name;

    @Column(name = "NAME_KEY", nullable = false, length = 300)
    String nameKey;

    @Column(name = "ACRONYM", length = 40)
    String acronym;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", nullable = false, length = 40)
    OrganisationType type;

    @Column(name = "STATE_ISO2", length = 2)
    String stateIso2;

    @Column(name = "WEBSITE", length = 300)
    String website;

    @Column(name = "EMAIL", length = 200)
    String email;

    @Column(name = "PHONE", length = 60)
    String phone;

    @Column(name = "NOTES", length = 2000)
    String notes;

    @Version
    @Column(name = "VERSION")
    int version;
}
