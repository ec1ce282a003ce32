package org.secretariat.contacts.impl.domain;

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

import org.secretariat.contacts.api.TreatyStatus;

/**
 * A group of people: a list staff keep ({@link GroupKind#STATIC}, members in {@link GroupMembership}) or a
 * saved query ({@link GroupKind#QUERY}) whose criterion and parameters are the fields below, evaluated
 * whenever its members are asked for.
 */
@Entity
@Table(name = "CONTACTS_GROUP")
public class ContactGroup {

    @Id
    @TableGenerator(name = "GROUP", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "GROUP", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "GROUP")
    public Long id;

    @Column(name = "NAME", nullable = false, length = 200)
    public String name;

    /** The name normalised (accents, case), unique: two groups are not told apart by an accent. */
    @Column(name = "NAME_KEY", nullable = false, length = 200)
    public String nameKey;

    @Column(name = "DESCRIPTION", length = 1000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    public GroupKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "CRITERION", length = 40)
    public GroupCriterion criterion;

    /** One of the profile's thematic areas (focal points, coordinators), or null for any. */
    @Column(name = "THEME", length = 200)
    public String theme;

    /** The state of the role (a focal point's, a position's delegation, a person's, a delegation's), or null for any. */
    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    /** The treaty status of the state of the role, or null for any. */
    @Enumerated(EnumType.STRING)
    @Column(name = "TREATY_STATUS", length = 20)
    public TreatyStatus treatyStatus;

    @Column(name = "ORGANISATION_ID")
    public Long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ORGANISATION_TYPE", length = 40)
    public OrganisationType organisationType;

    @Enumerated(EnumType.STRING)
    @Column(name = "MANDATE_KIND", length = 20)
    public MandateKind mandateKind;

    /** Text a position's title contains (any case), or null. */
    @Column(name = "TITLE_TEXT", length = 200)
    public String titleText;

    /** A meeting type's code of the profile (e.g. MSP), for the heads of delegation at the last such meeting. */
    @Column(name = "MEETING_TYPE", length = 20)
    public String meetingType;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
