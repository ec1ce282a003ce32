package org.secretariat.contacts.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.platform.api.persistence.Transactions;

/** Organisations, people, focal points and mandates for other modules (sponsorship, meetings, website). */
@Component(service = {ContactDirectory.class, ContactBook.class})
public class ContactBook implements ContactDirectory {

    @Reference
    private StateCatalogue catalogue;

    static ContactSummary summary(Organisation organisation) {
        return new ContactSummary(ContactSummary.Kind.ORGANISATION, organisation.id, organisation.name, organisation.email, organisation.stateIso2);
    }

    static ContactSummary summary(Person person) {
        return new ContactSummary(ContactSummary.Kind.PERSON, person.id, person.displayName(), person.consent ? person.email : null, person.stateIso2);
    }

    @Override
    public Optional<ContactSummary> organisation(long id) {
        return Transactions.read(catalogue.store(), em -> Optional.ofNullable(em.find(Organisation.class, id)).map(ContactBook::summary));
    }

    @Override
    public Optional<ContactSummary> person(long id) {
        return Transactions.read(catalogue.store(), em -> Optional.ofNullable(em.find(Person.class, id)).map(ContactBook::summary));
    }

    @Override
    public List<ContactSummary> search(String text, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        String pattern = Names.containsPattern(text);
        return Transactions.read(catalogue.store(), em -> {
            List<ContactSummary> found = new ArrayList<>();
            em.createQuery("SELECT o FROM Organisation o WHERE o.nameKey LIKE :pattern ESCAPE '\\' OR LOWER(o.acronym) LIKE :pattern ESCAPE '\\' ORDER BY o.nameKey",
                    Organisation.class).setParameter("pattern", pattern).setMaxResults(limit).getResultList()
                    .forEach(o -> found.add(summary(o)));
            em.createQuery("SELECT p FROM Person p WHERE p.nameKey LIKE :pattern ESCAPE '\\' ORDER BY p.nameKey", Person.class)
                    .setParameter("pattern", pattern).setMaxResults(limit).getResultList().forEach(p -> found.add(summary(p)));
            return found.stream().sorted(java.util.Comparator.comparing(c -> Names.key(c.name()))).limit(limit).collect(Collectors.toList());
        });
    }

    @Override
    public List<ContactSummary> focalPoints(String iso2, String theme) {
        if (iso2 == null) {
            return List.of();
        }
        return Transactions.read(catalogue.store(), em -> {
            var query = em.createQuery("SELECT p FROM FocalPoint f, Person p WHERE p.id = f.personId AND f.stateIso2 = :state"
                    + (theme == null ? "" : " AND f.theme = :theme") + " ORDER BY p.nameKey", Person.class)
                    .setParameter("state", iso2.toUpperCase(Locale.ROOT));
            if (theme != null) {
                query.setParameter("theme", theme);
            }
            return query.getResultList().stream().map(ContactBook::summary).collect(Collectors.toList());
        });
    }

    @Override
    public List<ContactSummary> mandateHolders(String mandate, String theme, LocalDate asOf) {
        MandateKind kind;
        try {
            kind = MandateKind.valueOf(mandate.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of();
        }
        LocalDate date = asOf == null ? catalogue.today() : asOf;
        return Transactions.read(catalogue.store(), em -> {
            List<ContactSummary> holders = new ArrayList<>();
            for (Mandate held : em.createQuery("SELECT m FROM Mandate m WHERE m.kind = :kind AND m.startDate <= :asOf"
                    + " AND (m.endDate IS NULL OR m.endDate >= :asOf) ORDER BY m.startDate", Mandate.class)
                    .setParameter("kind", kind).setParameter("asOf", date).getResultList()) {
                if (theme != null && !theme.equalsIgnoreCase(held.theme)) {
                    continue;
                }
                if (held.personId != null) {
                    Person person = em.find(Person.class, held.personId);
                    if (person != null) {
                        holders.add(summary(person));
                    }
                }
            }
            return holders;
        });
    }
}
