package org.secretariat.finance.impl.domain;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** An assessed contribution a {@link PaymentPlan} covers. */
@Entity
@Table(name = "FINANCE_PAYMENT_PLAN_CONTRIBUTION")
@IdClass(PaymentPlanContribution.Key.class)
public class PaymentPlanContribution {

    @Id
    @Column(name = "PLAN_ID", nullable = false)
    public long planId;

    @Id
    @Column(name = "CONTRIBUTION_ID", nullable = false)
    public long contributionId;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long planId;
        public long contributionId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).planId == planId && ((Key) other).contributionId == contributionId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, contributionId);
        }
    }
}
