package org.secretariat.contacts.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** The module's pages in the staff app. */
@Component
public class ContactsPages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(
                WebPage.of("states", "states.js", "States").label("fr", "États").label("es", "Estados")
                        .permission(ContactsPermissions.STATE_READ),
                WebPage.of("organisations", "organisations.js", "Organisations").label("fr", "Organisations").label("es", "Organizaciones")
                        .permission(ContactsPermissions.CONTACT_READ),
                WebPage.of("people", "people.js", "People").label("fr", "Personnes").label("es", "Personas")
                        .permission(ContactsPermissions.CONTACT_READ),
                WebPage.of("mandates", "mandates.js", "Presidency and coordinators").label("fr", "Présidence et coordonnateurs")
                        .label("es", "Presidencia y coordinadores").permission(ContactsPermissions.CONTACT_READ),
                WebPage.of("groups", "groups.js", "Groups").label("fr", "Groupes").label("es", "Grupos")
                        .permission(ContactsPermissions.GROUP_READ),
                WebPage.of("mailings", "mailings.js", "Mailings").label("fr", "Envois groupés").label("es", "Envíos masivos")
                        .permission(ContactsPermissions.MAILING_READ));
    }
}
