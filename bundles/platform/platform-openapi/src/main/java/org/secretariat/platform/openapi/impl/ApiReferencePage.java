package org.secretariat.platform.openapi.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Role;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** Administration › API reference: the OpenAPI document drawn by Swagger UI. */
@Component
public class ApiReferencePage implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(WebPage.of("api-reference", "api-reference.js", "API reference")
                .label("fr", "Référence de l'API").label("es", "Referencia de la API")
                .section(WebPage.SECTION_ADMINISTRATION).roles(Role.ADMINISTRATOR));
    }
}
