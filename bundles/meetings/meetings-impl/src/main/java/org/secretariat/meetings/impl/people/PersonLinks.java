package org.secretariat.meetings.impl.people;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.PersonLookup;
import org.secretariat.meetings.impl.domain.LinkRejection;
import org.secretariat.meetings.impl.domain.Participant;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Participants linked to the people of the contacts module while it is installed (contacts-api 1.1
 * {@link PersonLookup}, optional and dynamic): a participant whose e-mail address is exactly one person's is
 * linked to them when registered or changed; the others who look like a person (the same name, accents,
 * case and word order aside, and the same State) are proposed to staff, who accept or turn the proposal
 * down; a merge in contacts relinks. Without the contacts module participants stay unlinked, as in 1.1.
 */
@Component(service = PersonLinks.class)
public class PersonLinks {

    /** At most this many unlinked participants are looked at for proposals, the latest registered first. */
    static final int MAX_UNLINKED = 2000;

    /** A person proposed for a participant, with why ({@code EMAIL}, {@code NAME_AND_STATE}). */
    public record Candidate(long personId, String name, String email, String stateIso2, List<PersonLookup.Reason> reasons) {
    }

    /** An unlinked participant and the people they may be. */
    public record Proposal(long meetingId, String meetingTitle, long participantId, String name, String email, String stateIso2,
            String delegation, List<Candidate> candidates) {
    }

    /** The proposals, or why there are none (the contacts module is not installed). */
    public record Proposals(boolean available, String reason, List<Proposal> items) {
    }

    /** Staff's word on a participant's person: link to {@code personId}, or with {@code reject} turn that proposal down. */
    public record Decision(Long personId, Boolean reject) {
    }

    /** A participant's link after a decision. */
    public record Linked(long meetingId, long participantId, Long personId, String personName, boolean rejected) {
    }

    /** What linking every unlinked participant by e-mail did. */
    public record Relinked(int linked, int looked) {
    }

    private final EntityManagerFactory factory;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PersonLookup lookup;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactDirectory directory;

    @Activate
    public PersonLinks(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory) {
        this(factory, Clock.systemUTC(), null, null);
    }

    /** With the contacts module's services for good (or none), as a test wants. */
    public PersonLinks(EntityManagerFactory factory, Clock clock, PersonLookup lookup, ContactDirectory directory) {
        this.factory = factory;
        this.clock = clock;
        this.lookup = lookup;
        this.directory = directory;
    }

    /** The person with exactly this address, or null (none, several, or no contacts module). */
    public Long personByEmail(String email) {
        PersonLookup current = lookup;
        if (current == null || email == null || email.isBlank()) {
            return null;
        }
        return current.personByEmail(email).map(ContactSummary::id).orElse(null);
    }

    /** Unlinked participants who look like a person, the latest registered first, less the proposals turned down. */
    public Proposals proposals() {
        PersonLookup current = lookup;
        if (current == null) {
            return new Proposals(false, "the contacts module is not installed", List.of());
        }
        List<Object[]> unlinked = Transactions.read(factory, em -> em.createQuery("SELECT p, m.title FROM Participant p, Meeting m"
                + " WHERE p.personId IS NULL AND m.id = p.meetingId ORDER BY p.registeredAt DESC, p.id DESC", Object[].class)
                .setMaxResults(MAX_UNLINKED).getResultList());
        Set<String> rejected = Transactions.read(factory, em -> em.createQuery("SELECT r FROM LinkRejection r", LinkRejection.class)
                .getResultList().stream().map(r -> r.participantId + ":" + r.personId).collect(Collectors.toSet()));
        List<Proposal> proposals = new ArrayList<>();
        for (Object[] row : unlinked) {
            Participant p = (Participant) row[0];
            List<Candidate> candidates = current.candidates(name(p), p.email, p.stateIso2).stream()
                    .filter(c -> !rejected.contains(p.id + ":" + c.person().id()))
                    .map(c -> new Candidate(c.person().id(), c.person().name(), c.person().email(), c.person().stateIso2(), c.reasons()))
                    .collect(Collectors.toList());
            if (!candidates.isEmpty()) {
                proposals.add(new Proposal(p.meetingId, (String) row[1], p.id, name(p), p.email, p.stateIso2, p.delegationName, candidates));
            }
        }
        return new Proposals(true, null, proposals);
    }

    /** A participant's name as the directory compares it: given and family name. */
    static String name(Participant p) {
        return p.givenName == null || p.givenName.isBlank() ? p.familyName : p.givenName + " " + p.familyName;
    }

    /** Links a participant to a person, or turns that proposal down; {@code personId} null unlinks. */
    public Linked decide(long meetingId, long participantId, Decision body) {
        if (body == null) {
            throw DomainException.invalid("personId", "a JSON body is required: {\"personId\": ...}");
        }
        boolean reject = Boolean.TRUE.equals(body.reject());
        Long personId = body.personId();
        if (reject && personId == null) {
            throw DomainException.invalid("personId", "personId is required: the person proposed that this participant is not");
        }
        String personName = null;
        if (personId != null && !reject) {
            ContactDirectory current = directory;
            if (current == null) {
                throw new DomainException(DomainException.Kind.CONFLICT, "personId cannot be linked: the contacts module is not installed",
                        "personId");
            }
            personName = current.person(personId).map(ContactSummary::name)
                    .orElseThrow(() -> DomainException.invalid("personId", "no person " + personId + " in contacts"));
        }
        String name = personName;
        return Transactions.inTransaction(factory, em -> {
            Participant participant = em.find(Participant.class, participantId);
            if (participant == null || participant.meetingId != meetingId) {
                throw DomainException.notFound("No participant " + participantId + " in meeting " + meetingId);
            }
            if (reject) {
                boolean known = !em.createQuery("SELECT r FROM LinkRejection r WHERE r.participantId = :p AND r.personId = :person",
                        LinkRejection.class).setParameter("p", participantId).setParameter("person", personId).getResultList().isEmpty();
                if (!known) {
                    LinkRejection rejection = new LinkRejection();
                    rejection.participantId = participantId;
                    rejection.personId = personId;
                    rejection.rejectedAt = Instant.now(clock);
                    em.persist(rejection);
                }
                if (personId.equals(participant.personId)) {
                    participant.personId = null;
                }
            } else {
                participant.personId = personId;
            }
            em.flush();
            return new Linked(meetingId, participantId, participant.personId, participant.personId == null ? null : name, reject);
        });
    }

    /**
     * Links every unlinked participant whose address is exactly one person's: those registered before the
     * contacts module was installed, or before the person was recorded.
     */
    public Relinked linkByEmail() {
        PersonLookup current = lookup;
        if (current == null) {
            throw DomainException.conflict("participants cannot be linked: the contacts module is not installed");
        }
        List<Participant> unlinked = Transactions.read(factory, em -> em.createQuery("SELECT p FROM Participant p WHERE p.personId IS NULL"
                + " AND p.email IS NOT NULL ORDER BY p.id", Participant.class).setMaxResults(MAX_UNLINKED).getResultList());
        List<long[]> links = new ArrayList<>();
        for (Participant p : unlinked) {
            current.personByEmail(p.email).ifPresent(person -> links.add(new long[] {p.id, person.id()}));
        }
        int linked = Transactions.inTransaction(factory, em -> {
            int count = 0;
            for (long[] link : links) {
                count += em.createQuery("UPDATE Participant p SET p.personId = :person WHERE p.id = :id AND p.personId IS NULL")
                        .setParameter("person", link[1]).setParameter("id", link[0]).executeUpdate();
            }
            return count;
        });
        return new Relinked(linked, unlinked.size());
    }

    /** Two people of the contacts module were merged: their participants and invitations follow the person kept. */
    public int merged(long from, long into) {
        return Transactions.inTransaction(factory, em -> {
            int moved = em.createQuery("UPDATE Participant p SET p.personId = :into WHERE p.personId = :from").setParameter("into", into)
                    .setParameter("from", from).executeUpdate();
            em.createQuery("UPDATE Invitation i SET i.personId = :into WHERE i.personId = :from").setParameter("into", into)
                    .setParameter("from", from).executeUpdate();
            em.createQuery("DELETE FROM LinkRejection r WHERE r.personId = :from").setParameter("from", from).executeUpdate();
            return moved;
        });
    }

    /** Whether the contacts module's lookup is there. */
    public boolean available() {
        return lookup != null;
    }
}
