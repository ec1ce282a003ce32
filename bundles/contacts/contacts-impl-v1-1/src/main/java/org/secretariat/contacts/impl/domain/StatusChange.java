package org.secretariat.contacts.impl.domain;

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

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;

/** One change of a state's treaty status: the history the directory keeps. */
@Entity
@Table(name = "CONTACTS_STATUS_CHANGE")
public class StatusChange {

    @Id
    @TableGenerator(name = "STATUS_CHANGE", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "STATUS_CHANGE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "STATUS_CHANGE")
    public Long id;

    @Column(name = "ISO2", nullable = false, length = 2)
    public String iso2;

    @Column(name = "CHANGED_AT", nullable = false)
    public Instant changedAt;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    public String changedBy;

    /** Where the change came from: {@code api} or {@code csv-import}. */
    @Column(name = "SOURCE", nullable = false, length = 40)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(name = "OLD_STATUS", length = 20)
    public TreatyStatus oldStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "NEW_STATUS", nullable = false, length = 20)
    public TreatyStatus newStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "INSTRUMENT", length = 20)
    public Instrument instrument;

    @Column(name = "SIGNATURE_DATE")
    public LocalDate signatureDate;

    @Column(name = "DEPOSIT_DATE")
    public LocalDate depositDate;
}
