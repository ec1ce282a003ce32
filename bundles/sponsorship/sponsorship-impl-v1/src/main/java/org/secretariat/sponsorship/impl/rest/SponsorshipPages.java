package org.secretariat.sponsorship.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** The sponsorship page of the staff app: funds and programmes; a programme's applications, proposal, attendance and donor report. */
@Component
public class SponsorshipPages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(WebPage.of("sponsorship", "sponsorship.js", "Sponsorship").label("fr", "Parrainage").label("es", "Patrocinio")
                .permission(SponsorshipPermissions.READ));
    }
}
