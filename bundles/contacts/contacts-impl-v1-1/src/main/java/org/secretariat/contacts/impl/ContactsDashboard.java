package org.secretariat.contacts.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.DashboardCard;
import org.secretariat.platform.api.web.DashboardContribution;

/** The module's card on the staff home page: where the convention stands and how it grew. */
@Component
public class ContactsDashboard implements DashboardContribution {

    @Override
    public List<DashboardCard> cards() {
        return List.of(DashboardCard.of("treaty-status", "dashboard/status.js", "Status of the convention")
                .title("fr", "État de la convention").title("es", "Estado de la Convención")
                .permission(ContactsPermissions.STATE_READ));
    }
}
