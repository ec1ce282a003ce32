package org.secretariat.platform.modules.impl;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** The journal entry of a module's latest operation (see {@link OperationJournal}). */
@Entity
@Table(name = "MODULES_OPERATION")
public class ModuleOperationRecord {

    /** Where an operation stands. */
    enum State { RUNNING, DONE, FAILED, RECOVERED, RECOVERY_FAILED }

    @Id
    @Column(name = "MODULE_ID")
    String moduleId;

    @Column(name = "OPERATION", nullable = false)
    String operation;

    @Column(name = "FROM_VERSION")
    String fromVersion;

    @Column(name = "TO_VERSION")
    String toVersion;

    @Column(name = "STATE", nullable = false)
    String state;

    @Column(name = "STEPS_TOTAL", nullable = false)
    int stepsTotal;

    @Column(name = "STEPS_DONE", nullable = false)
    int stepsDone;

    @Column(name = "CREATED_CONFIGURATIONS")
    String createdConfigurations;

    @Column(name = "OUTCOME")
    String outcome;

    @Column(name = "STARTED_AT", nullable = false)
    Instant startedAt;

    @Column(name = "ENDED_AT")
    Instant endedAt;

    @Version
    @Column(name = "ROW_VERSION")
    int rowVersion;

    State state() {
        return State.valueOf(state);
    }
}
