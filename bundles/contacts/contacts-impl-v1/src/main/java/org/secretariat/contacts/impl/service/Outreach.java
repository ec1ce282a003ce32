package org.secretariat.contacts.impl.service;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.impl.domain.OutreachEntry;
import org.secretariat.contacts.impl.domain.OutreachKind;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/** The universalization outreach log: interactions with a state (date, kind, who, summary, next step). */
@Component(service = Outreach.class)
public class Outreach {

    private final EntityManagerFactory contacts;
    private final States states;

    @Activate
    public Outreach(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states) {
        this.contacts = contacts;
        this.states = states;
    }

    /** The log of a state (any case; not found if there is no such state), latest first. */
    public Page<OutreachDto> ofState(String iso2, PageRequest page) {
        String code = states.existing(iso2);
        return Transactions.read(contacts, em -> {
            long total = em.createQuery("SELECT COUNT(o) FROM OutreachEntry o WHERE o.stateIso2 = :state", Long.class)
                    .setParameter("state", code).getSingleResult();
            List<OutreachDto> items = em.createQuery("SELECT o FROM OutreachEntry o WHERE o.stateIso2 = :state ORDER BY o.occurredOn DESC, o.id DESC",
                    OutreachEntry.class).setParameter("state", code).setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultList().stream().map(OutreachDto::of).collect(Collectors.toList());
            return Page.of(items, total, page);
        });
    }

    /** Records a contact that took place, by {@code actor}. */
    public OutreachDto record(OutreachDto entry, String actor) {
        if (entry == null || entry.stateIso2() == null || entry.stateIso2().isBlank()) {
            throw DomainException.invalid("stateIso2", "stateIso2 is required: the state the contact was with");
        }
        OutreachEntry recorded = new OutreachEntry();
        recorded.stateIso2 = states.code(entry.stateIso2());
        recorded.createdBy = actor;
        apply(entry, recorded);
        return Transactions.inTransaction(contacts, em -> {
            em.persist(recorded);
            em.flush();
            return OutreachDto.of(recorded);
        });
    }

    /** Changes the entry to {@code changed} (its state stays), whose {@code version} must be the current one. */
    public OutreachDto update(long id, OutreachDto changed) {
        return Transactions.inTransaction(contacts, em -> {
            OutreachEntry entry = find(em, id);
            Fields.version(changed == null ? null : changed.version(), entry.version, "Outreach entry " + id);
            apply(changed, entry);
            em.flush();
            return OutreachDto.of(entry);
        });
    }

    private static void apply(OutreachDto source, OutreachEntry entry) {
        if (source == null) {
            throw DomainException.invalid("summary", "a JSON body is required");
        }
        entry.occurredOn = Fields.present("date", source.date(), "the day of the contact");
        if (entry.occurredOn.isAfter(States.today())) {
            throw DomainException.invalid("date", "date is in the future: record outreach once it happened (plan it in nextStep)");
        }
        entry.kind = Fields.present("kind", source.kind(), Arrays.toString(OutreachKind.values()));
        entry.staff = Fields.required("staff", source.staff(), 200);
        entry.summary = Fields.required("summary", source.summary(), 4000);
        entry.nextStep = Fields.optional("nextStep", source.nextStep(), 1000);
    }

    public void delete(long id) {
        Transactions.inTransaction(contacts, em -> {
            em.remove(find(em, id));
            return null;
        });
    }

    private static OutreachEntry find(EntityManager em, long id) {
        OutreachEntry entry = em.find(OutreachEntry.class, id);
        if (entry == null) {
            throw DomainException.notFound("No outreach entry " + id);
        }
        return entry;
    }
}
