package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.MandateKind;

/** Organisations, people, focal points and mandates for other modules (sponsorship, meetings, website). */
@Component(service = ContactDirectory.class)
public class ContactBook implements ContactDirectory {

    private final Organisations organisations;
    private final People people;
    private final Search search;
    private final FocalPoints focalPoints;
    private final Mandates mandates;

    @Activate
    public ContactBook(@Reference Organisations organisations, @Reference People people, @Reference Search search,
            @Reference FocalPoints focalPoints, @Reference Mandates mandates) {
        this.organisations = organisations;
        this.people = people;
        this.search = search;
        this.focalPoints = focalPoints;
        this.mandates = mandates;
    }

    @Override
    public Optional<ContactSummary> organisation(long id) {
        return organisations.summary(id);
    }

    @Override
    public Optional<ContactSummary> person(long id) {
        return people.summary(id);
    }

    @Override
    public List<ContactSummary> search(String text, int limit) {
        return search.contacts(text, limit);
    }

    @Override
    public List<ContactSummary> focalPoints(String iso2, String theme) {
        return focalPoints.people(iso2, theme);
    }

    /** An unknown kind of mandate has no holders. */
    @Override
    public List<ContactSummary> mandateHolders(String mandate, String theme, LocalDate asOf) {
        MandateKind kind;
        try {
            kind = MandateKind.valueOf(mandate.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of();
        }
        return mandates.holders(kind, theme, asOf);
    }
}
