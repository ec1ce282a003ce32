package org.secretariat.website.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.DashboardCard;
import org.secretariat.platform.api.web.DashboardContribution;

/** The website's card on the staff home page: the language versions of pages and news not published yet, or changed since. */
@Component
public class WebsiteDashboard implements DashboardContribution {

    @Override
    public List<DashboardCard> cards() {
        return List.of(DashboardCard.of("website-drafts", "dashboard/drafts.js", "Website: waiting to be published")
                .title("fr", "Site : en attente de publication").title("es", "Sitio: pendiente de publicación")
                .permission(WebsitePermissions.CONTENT_READ));
    }
}
