package org.secretariat.platform.mail.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Role;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** Administration › E-mail: the outbox, the sending status, retries and a test message. */
@Component
public class MailPages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(WebPage.of("mail", "mail.js", "E-mail").label("fr", "Courrier électronique").label("es", "Correo electrónico")
                .section(WebPage.SECTION_ADMINISTRATION).roles(Role.ADMINISTRATOR));
    }
}
