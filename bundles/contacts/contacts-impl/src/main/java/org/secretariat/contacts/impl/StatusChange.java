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

/** One change of a state's treaty status: the history the directory keeps. */
@Entity
@Table(name = "CONTACTS_STATUS_CHANGE")
class StatusChange {

    @Id
    @TableGenerator(name = "STATUS_CHANGE", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "STATUS_CHANGE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "STATUS_CHANGE")
    Long id;

    @Column(name = "ISO2", nullable = false, length = 2)
    String iso2;

    @Column(name = "CHANGED_AT", nullable = false)
    Instant changedAt;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    String changedBy;

    /** Where the change came from: {@code api} or {@code csv-import}. */
    @Column(name = "SOURCE", nullable = false, length = 40)
    String source;

    @Enumerated(EnumType.STRING)
    @Column(name = "OLD_STATUS", length = 20)
    org.secretariat.contacts.api.TreatyStatus oldStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "NEW_STATUS", nullable = false, length = 20)
    org.secretariat.contacts.api.TreatyStatus newStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "INSTRUMENT", length = 20)
    org.secretariat.contacts.api.Instrument instrument;

    @Column(name = "SIGNATURE_DATE")
    LocalDate signatureDate;

    @Column(name = "DEPOSIT_DATE")
    LocalDate depositDate;
}
