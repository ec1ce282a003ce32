package org.secretariat.expertise.impl.domain;

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

/** A State's request for expertise and where it stands; each step's date is kept. */
@Entity
@Table(name = "EXPERTISE_REQUEST")
public class ExpertiseRequest {

    @Id
    @TableGenerator(name = "REQUEST", table = "EXPERTISE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "REQUEST", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "REQUEST")
    @Column(name = "ID")
    public Long id;

    @Column(name = "STATE_ISO2", nullable = false, length = 2)
    public String stateIso2;

    @Column(name = "THEME", nullable = false, length = 200)
    public String theme;

    @Column(name = "LANGUAGE", nullable = false, length = 2)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "REGION", nullable = false, length = 20)
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    public HelpKind kind;

    @Column(name = "DESCRIPTION", nullable = false, length = 4000)
    public String description;

    @Column(name = "RECEIVED_ON", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "DEADLINE")
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public RequestStatus status;

    /** The expert chosen when the request was matched. */
    @Column(name = "EXPERT_ID")
    public Long expertId;

    @Column(name = "MATCHED_ON")
    public LocalDate matchedOn;

    @Column(name = "CONTACTED_ON")
    public LocalDate contactedOn;

    @Column(name = "DELIVERED_ON")
    public LocalDate deliveredOn;

    @Column(name = "EVALUATED_ON")
    public LocalDate evaluatedOn;

    @Version
    @Column(name = "VERSION")
    public int version;
}
