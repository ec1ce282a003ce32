package org.secretariat.finance.impl.rest;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The finance module's permissions. The Specialist and the Assistant prepare (budgets, work plans,
 * transfers, scales, dry runs, contributions, receipts, exchange rates, payment plans, expenditure); the
 * Director also approves budgets and large transfers, saves assessments and publishes the status of
 * contributions; administrators see and prepare but neither approve, save nor publish; consultants see nothing.
 */
@Component
public class FinancePermissions implements PermissionDeclaration {

    public static final String BUDGET_READ = "finance.budget.read";
    public static final String BUDGET_WRITE = "finance.budget.write";
    public static final String BUDGET_APPROVE = "finance.budget.approve";
    public static final String ASSESSMENT_READ = "finance.assessment.read";
    public static final String ASSESSMENT_WRITE = "finance.assessment.write";
    public static final String ASSESSMENT_SAVE = "finance.assessment.save";
    public static final String SCALE_READ = "finance.scale.read";
    public static final String SCALE_WRITE = "finance.scale.write";
    public static final String CONTRIBUTION_READ = "finance.contribution.read";
    public static final String CONTRIBUTION_WRITE = "finance.contribution.write";
    public static final String REPORT_READ = "finance.report.read";
    public static final String CONTRIBUTION_PUBLISH = "finance.contribution.publish";
    public static final String EXPENDITURE_READ = "finance.expenditure.read";
    public static final String EXPENDITURE_WRITE = "finance.expenditure.write";

    @Override
    public String module() {
        return "finance";
    }

    @Override
    public List<Permission> permissions() {
        EnumSet<Role> prepare = EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT);
        EnumSet<Role> director = EnumSet.of(Role.DIRECTOR);
        return List.of(
                new Permission(BUDGET_READ, "See budgets by year and line", prepare),
                new Permission(BUDGET_WRITE, "Draft budgets and propose them", prepare),
                new Permission(BUDGET_APPROVE, "Approve a proposed budget", director),
                new Permission(ASSESSMENT_READ, "See saved assessments and the installed cost-sharing formulas", prepare),
                new Permission(ASSESSMENT_WRITE, "Run assessments as dry runs", prepare),
                new Permission(ASSESSMENT_SAVE, "Save an assessment, laying assessed contributions on the states", director),
                new Permission(SCALE_READ, "See scales of assessment", prepare),
                new Permission(SCALE_WRITE, "Import scales of assessment and set manual rates", prepare),
                new Permission(CONTRIBUTION_READ, "See contributions, receipts and each state's status", prepare),
                new Permission(CONTRIBUTION_WRITE, "Record voluntary contributions, receipts, exchange rates and payment plans", prepare),
                new Permission(CONTRIBUTION_PUBLISH, "Publish a year's status of contributions for the public", director),
                new Permission(REPORT_READ, "Draft the annual financial report (JSON, CSV, PDF)", prepare),
                new Permission(EXPENDITURE_READ, "See expenditure and each budget's execution (budget against actual)", prepare),
                new Permission(EXPENDITURE_WRITE, "Record expenditure and import the host institution's ledger", prepare));
    }
}
