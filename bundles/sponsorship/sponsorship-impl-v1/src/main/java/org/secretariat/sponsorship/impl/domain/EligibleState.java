package org.secretariat.sponsorship.impl.domain;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A state on a programme's eligible list (imported as CSV), with its region; replaced whole by the next import. */
@Entity
@Table(name = "SPONSORSHIP_ELIGIBLE_STATE")
@IdClass(EligibleState.Key.class)
public class EligibleState {

    @Id
    @Column(name = "PROGRAMME_ID")
    public long programmeId;

    @Id
    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    @Column(name = "REGION", length = 100)
    public String region;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long programmeId;
        public String stateIso2;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.programmeId == programmeId && Objects.equals(k.stateIso2, stateIso2);
        }

        @Override
        public int hashCode() {
            return Objects.hash(programmeId, stateIso2);
        }
    }
}
