package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One instalment of a {@link PaymentPlan}: an amount due on a day. */
@Entity
@Table(name = "FINANCE_PAYMENT_INSTALMENT")
public class PaymentInstalment {

    @Id
    @TableGenerator(name = "PAYMENT_INSTALMENT", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PAYMENT_INSTALMENT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PAYMENT_INSTALMENT")
    public Long id;

    @Column(name = "PLAN_ID", nullable = false)
    public long planId;

    @Column(name = "POSITION", nullable = false)
    public int position;

    @Column(name = "DUE_ON", nullable = false)
    public LocalDate dueOn;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
}
