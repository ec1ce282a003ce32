package org.secretariat.meetings.impl.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The registration workflow: a registration is pending until the unit approves or rejects it; the
 * participant (or the unit for them) may withdraw; a rejected or withdrawn registration may be
 * reopened as pending.
 */
public enum RegistrationStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public Set<RegistrationStatus> next() {
        switch (this) {
            case PENDING:
                return EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
            case APPROVED:
                return EnumSet.of(WITHDRAWN, PENDING);
            case REJECTED:
            case WITHDRAWN:
                return EnumSet.of(PENDING);
            default:
                return EnumSet.noneOf(RegistrationStatus.class);
        }
    }

    public boolean canBecome(RegistrationStatus target) {
        return this == target || next().contains(target);
    }
}
