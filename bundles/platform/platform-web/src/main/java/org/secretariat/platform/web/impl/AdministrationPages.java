package org.secretariat.platform.web.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Role;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** The platform's own pages: module operations, users, audit and health for administrators; API tokens for everyone. */
@Component
public class AdministrationPages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(
                admin("modules", "Modules", "Modules", "Módulos", Role.ADMINISTRATOR),
                admin("users", "Users", "Utilisateurs", "Usuarios", Role.ADMINISTRATOR),
                admin("audit", "Audit log", "Journal d'audit", "Registro de auditoría", Role.ADMINISTRATOR, Role.DIRECTOR),
                admin("health", "System health", "État du système", "Estado del sistema", Role.ADMINISTRATOR),
                WebPage.of("tokens", "admin/tokens.js", "API tokens").label("fr", "Jetons d'API").label("es", "Tokens de API")
                        .section(WebPage.SECTION_ADMINISTRATION));
    }

    private static WebPage admin(String id, String english, String french, String spanish, Role... roles) {
        return WebPage.of(id, "admin/" + id + ".js", english).label("fr", french).label("es", spanish)
                .section(WebPage.SECTION_ADMINISTRATION).roles(roles);
    }
}
