package org.secretariat.contacts.impl.domain;

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

/**
 * One recipient of a mailing as they were when it was sent (name, address, the language written in) and
 * what became of them. The outbox's key of their message is {@code contacts:mailing:<mailing>:<person>}.
 */
@Entity
@Table(name = "CONTACTS_MAILING_RECIPIENT")
public class MailingRecipient {

    @Id
    @TableGenerator(name = "MAILING_RECIPIENT", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "MAILING_RECIPIENT", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MAILING_RECIPIENT")
    public Long id;

    @Column(name = "MAILING_ID", nullable = false)
    public long mailingId;

    @Column(name = "PERSON_ID", nullable = false)
    public long personId;

    @Column(name = "NAME", nullable = false, length = 210)
    public String name;

    @Column(name = "EMAIL", length = 200)
    public String email;

    @Column(name = "LANG", nullable = false, length = 8)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", nullable = false, length = 30)
    public MailingOutcome outcome;

    @Column(name = "REASON", length = 1000)
    public String reason;

    @Column(name = "MAIL_KEY", length = 200)
    public String mailKey;

    @Version
    @Column(name = "VERSION")
    public int version;
}
