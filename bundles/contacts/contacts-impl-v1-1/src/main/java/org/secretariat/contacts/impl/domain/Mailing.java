package org.secretariat.contacts.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A mailing sent to a group from one of the module's templates: the group's name as it was, who sent it
 * and when, and the counts of its recipients' outcomes (each in {@link MailingRecipient}).
 */
@Entity
@Table(name = "CONTACTS_MAILING")
public class Mailing {

    @Id
    @TableGenerator(name = "MAILING", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "MAILING", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MAILING")
    public Long id;

    @Column(name = "GROUP_ID", nullable = false)
    public long groupId;

    @Column(name = "GROUP_NAME", nullable = false, length = 200)
    public String groupName;

    @Column(name = "TEMPLATE", nullable = false, length = 60)
    public String template;

    @Column(name = "SENT_BY", nullable = false, length = 100)
    public String sentBy;

    @Column(name = "SENT_AT", nullable = false)
    public Instant sentAt;

    @Column(name = "RECIPIENTS", nullable = false)
    public int recipients;

    @Column(name = "QUEUED", nullable = false)
    public int queued;

    @Column(name = "SKIPPED", nullable = false)
    public int skipped;

    @Column(name = "FAILED", nullable = false)
    public int failed;

    @Version
    @Column(name = "VERSION")
    public int version;
}
