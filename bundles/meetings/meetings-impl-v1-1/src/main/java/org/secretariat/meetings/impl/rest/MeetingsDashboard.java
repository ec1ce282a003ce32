package org.secretariat.meetings.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.DashboardCard;
import org.secretariat.platform.api.web.DashboardContribution;

/** The module's card on the staff home page: the next meetings and the follow-up actions past their due date. */
@Component
public class MeetingsDashboard implements DashboardContribution {

    @Override
    public List<DashboardCard> cards() {
        return List.of(DashboardCard.of("next-meetings", "dashboard/next.js", "Next meetings and overdue actions")
                .title("fr", "Prochaines réunions et actions en retard").title("es", "Próximas reuniones y acciones atrasadas")
                .permission(MeetingsPermissions.MEETING_READ));
    }
}
