package org.secretariat.contacts.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A person in a static group, who added them and when. A person is in a group once (unique index). */
@Entity
@Table(name = "CONTACTS_GROUP_MEMBER")
public class GroupMembership {

    @Id
    @TableGenerator(name = "GROUP_MEMBER", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "GROUP_MEMBER", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "GROUP_MEMBER")
    public Long id;

    @Column(name = "GROUP_ID", nullable = false)
    public long groupId;

    @Column(name = "PERSON_ID", nullable = false)
    public long personId;

    @Column(name = "ADDED_BY", nullable = false, length = 100)
    public String addedBy;

    @Column(name = "ADDED_AT", nullable = false)
    public Instant addedAt;
}
