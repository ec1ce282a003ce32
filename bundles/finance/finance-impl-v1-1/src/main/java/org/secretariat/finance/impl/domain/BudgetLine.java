package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A line of a budget revision. */
@Entity
@Table(name = "FINANCE_BUDGET_LINE")
public class BudgetLine {

    @Id
    @TableGenerator(name = "BUDGET_LINE", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "BUDGET_LINE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "BUDGET_LINE")
    public Long id;

    @Column(name = "BUDGET_ID", nullable = false)
    public long budgetId;

    @Column(name = "POSITION", nullable = false)
    public int position;

    @Column(name = "CODE", nullable = false, length = 20)
    public String code;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
}
