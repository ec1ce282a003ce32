package org.secretariat.expertise.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** The expertise pages of the staff app: experts with filters, requests with their ranked candidates, consultants' contracts. */
@Component
public class ExpertisePages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(
                WebPage.of("experts", "experts.js", "Experts").label("fr", "Experts").label("es", "Expertos")
                        .permission(ExpertisePermissions.READ),
                WebPage.of("expertise-requests", "requests.js", "Requests for expertise").label("fr", "Demandes d'expertise")
                        .label("es", "Solicitudes de expertos").permission(ExpertisePermissions.READ),
                WebPage.of("consultant-contracts", "contracts.js", "Consultants' contracts").label("fr", "Contrats des consultants")
                        .label("es", "Contratos de consultores").permission(ExpertisePermissions.CONTRACT_READ));
    }
}
