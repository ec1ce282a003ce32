package org.secretariat.platform.security.impl;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

@Entity
@Table(name = "AUDIT_EVENT")
public class AuditEventRecord {

    @Id
    @TableGenerator(name = "audit", table = "SECURITY_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "AUDIT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit")
    Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    Instant occurredAt;

    @Column(name = "ACTOR")
    String actor;

    @Column(name = "ADDRESS")
    String address;

    @Column(name = "ACTION", nullable = false)
    String action;

    @Column(name = "ENTITY")
    String entity;

    @Column(name = "OUTCOME", nullable = false)
    String outcome;

    @Column(name = "DETAIL")
    String detail;
}
