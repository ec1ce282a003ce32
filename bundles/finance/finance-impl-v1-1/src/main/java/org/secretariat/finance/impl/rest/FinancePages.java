package org.secretariat.finance.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** The finance pages of the staff app: budgets, assessments, contributions (with the scale import), the annual financial report. */
@Component
public class FinancePages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(
                WebPage.of("budgets", "budgets.js", "Budgets").label("fr", "Budgets").label("es", "Presupuestos")
                        .permission(FinancePermissions.BUDGET_READ),
                WebPage.of("assessments", "assessments.js", "Assessments").label("fr", "Quotes-parts").label("es", "Cuotas")
                        .permission(FinancePermissions.ASSESSMENT_READ),
                WebPage.of("contributions", "contributions.js", "Contributions").label("fr", "Contributions").label("es", "Contribuciones")
                        .permission(FinancePermissions.CONTRIBUTION_READ),
                WebPage.of("financial-report", "report.js", "Financial report").label("fr", "Rapport financier").label("es", "Informe financiero")
                        .permission(FinancePermissions.REPORT_READ));
    }
}
