package org.secretariat.contacts.impl.domain;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** What staff wrote for a mailing in one language: the values the template's subject and body are filled with. */
@Entity
@Table(name = "CONTACTS_MAILING_TEXT")
public class MailingText {

    @Id
    @TableGenerator(name = "MAILING_TEXT", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "MAILING_TEXT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MAILING_TEXT")
    public Long id;

    @Column(name = "MAILING_ID", nullable = false)
    public long mailingId;

    @Column(name = "LANG", nullable = false, length = 8)
    public String language;

    @Column(name = "SUBJECT", length = 300)
    public String subject;

    @Lob
    @Column(name = "BODY")
    public String body;
}
