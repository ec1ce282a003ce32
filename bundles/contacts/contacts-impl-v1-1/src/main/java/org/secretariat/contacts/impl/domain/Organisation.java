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

import org.secretariat.contacts.api.ContactSummary;

/** An organisation: UN body, international organisation, NGO, host institution, donor, ministry... */
@Entity
@Table(name = "CONTACTS_ORGANISATION")
public class Organisation {

    @Id
    @TableGenerator(name = "ORGANISATION", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ORGANISATION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ORGANISATION")
    public Long id;

    @Column(name = "NAME", nullable = false, length = 300)
    public String name;

    @Column(name = "NAME_KEY", nullable = false, length = 300)
    public String nameKey;

    @Column(name = "ACRONYM", length = 40)
    public String acronym;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", nullable = false, length = 40)
    public OrganisationType type;

    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    @Column(name = "WEBSITE", length = 300)
    public String website;

    @Column(name = "EMAIL", length = 200)
    public String email;

    @Column(name = "PHONE", length = 60)
    public String phone;

    @Column(name = "NOTES", length = 2000)
    public String notes;

    @Version
    @Column(name = "VERSION")
    public int version;

    public ContactSummary summary() {
        return new ContactSummary(ContactSummary.Kind.ORGANISATION, id, name, email, stateIso2);
    }
}
