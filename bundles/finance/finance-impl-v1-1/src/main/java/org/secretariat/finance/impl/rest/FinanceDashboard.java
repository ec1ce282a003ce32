package org.secretariat.finance.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.DashboardCard;
import org.secretariat.platform.api.web.DashboardContribution;

/** The module's card on the staff home page: this year's assessed contributions, received against assessed. */
@Component
public class FinanceDashboard implements DashboardContribution {

    @Override
    public List<DashboardCard> cards() {
        return List.of(DashboardCard.of("contributions-year", "dashboard/contributions.js", "Contributions this year")
                .title("fr", "Contributions de l'année").title("es", "Contribuciones del año")
                .permission(FinancePermissions.CONTRIBUTION_READ));
    }
}
