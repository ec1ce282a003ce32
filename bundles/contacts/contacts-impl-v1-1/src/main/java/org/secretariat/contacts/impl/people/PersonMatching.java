package org.secretariat.contacts.impl.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.PersonLookup;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.contacts.impl.service.Names;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Who a person is, for other modules ({@link PersonLookup}) and for staff (people who look like duplicates
 * of each other): the same e-mail address ignoring case, or the same name (accents, case and the order of
 * its words set aside) and the same State. E-mail addresses are kept only with consent, so only people who
 * consented are found by theirs.
 */
@Component(service = {PersonLookup.class, PersonMatching.class})
public class PersonMatching implements PersonLookup {

    /** At most this many candidates for one description. */
    static final int MAX_CANDIDATES = 20;
    /** At most this many people are compared for duplicates (the directory of a small unit holds far fewer). */
    static final int MAX_PEOPLE = 50_000;
    /** At most this many pairs of duplicates are answered. */
    static final int MAX_PAIRS = 500;

    /** A person as a pair of duplicates shows them. */
    public record PersonRef(long id, String name, String email, String stateIso2) {
        static PersonRef of(Person p) {
            return new PersonRef(p.id, p.displayName(), p.contactEmail(), p.stateIso2);
        }
    }

    /** Two people who look like one, and why. */
    public record Duplicate(PersonRef person, PersonRef other, List<Reason> reasons) {
    }

    private final EntityManagerFactory contacts;

    @Activate
    public PersonMatching(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts) {
        this.contacts = contacts;
    }

    /** A name without accents, case or word order: "Traoré Aminata" and "aminata TRAORE" are one. */
    public static String unorderedKey(String givenName, String familyName) {
        String key = Names.key((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).replace('-', ' ');
        return Arrays.stream(key.split(" ")).filter(s -> !s.isEmpty()).sorted().collect(Collectors.joining(" "));
    }

    private static String address(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<ContactSummary> personByEmail(String email) {
        String address = address(email);
        if (address == null) {
            return Optional.empty();
        }
        List<Person> found = Transactions.read(contacts, em -> em.createQuery("SELECT p FROM Person p WHERE LOWER(p.email) = :email ORDER BY p.id",
                Person.class).setParameter("email", address).setMaxResults(2).getResultList());
        // Two people with one address are a duplicate to merge, not a match to guess between.
        return found.size() == 1 && found.get(0).consent ? Optional.of(found.get(0).summary()) : Optional.empty();
    }

    @Override
    public List<Candidate> candidates(String name, String email, String stateIso2) {
        String address = address(email);
        String key = name == null || name.isBlank() ? null : unorderedKey(null, name);
        String state = stateIso2 == null || stateIso2.isBlank() ? null : stateIso2.strip().toUpperCase(Locale.ROOT);
        Map<Long, Candidate> found = new LinkedHashMap<>();
        Transactions.read(contacts, em -> {
            if (address != null) {
                for (Person p : em.createQuery("SELECT p FROM Person p WHERE LOWER(p.email) = :email ORDER BY p.id", Person.class)
                        .setParameter("email", address).setMaxResults(MAX_CANDIDATES).getResultList()) {
                    if (p.consent) {
                        found.put(p.id, new Candidate(p.summary(), List.of(Reason.EMAIL)));
                    }
                }
            }
            if (key != null && !key.isEmpty() && state != null) {
                for (Person p : em.createQuery("SELECT p FROM Person p WHERE p.stateIso2 = :state ORDER BY p.id", Person.class)
                        .setParameter("state", state).setMaxResults(MAX_PEOPLE).getResultList()) {
                    if (key.equals(unorderedKey(p.givenName, p.familyName))) {
                        Candidate before = found.get(p.id);
                        found.put(p.id, new Candidate(p.summary(), before == null ? List.of(Reason.NAME_AND_STATE)
                                : List.of(Reason.EMAIL, Reason.NAME_AND_STATE)));
                    }
                }
            }
            return null;
        });
        return found.values().stream().limit(MAX_CANDIDATES).collect(Collectors.toList());
    }

    /** People who look like duplicates of each other, each pair once (the lower id first), by the first's name, then the ids. */
    public List<Duplicate> duplicates() {
        List<Person> people = Transactions.read(contacts, em -> em.createQuery("SELECT p FROM Person p ORDER BY p.nameKey, p.id", Person.class)
                .setMaxResults(MAX_PEOPLE).getResultList());
        Map<String, List<Person>> byAddress = new LinkedHashMap<>();
        Map<String, List<Person>> byName = new LinkedHashMap<>();
        for (Person p : people) {
            String address = address(p.email);
            if (address != null) {
                byAddress.computeIfAbsent(address, k -> new ArrayList<>()).add(p);
            }
            if (p.stateIso2 != null) {
                byName.computeIfAbsent(unorderedKey(p.givenName, p.familyName) + "|" + p.stateIso2, k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Duplicate> pairs = new LinkedHashMap<>();
        collect(byAddress, Reason.EMAIL, pairs);
        collect(byName, Reason.NAME_AND_STATE, pairs);
        return pairs.values().stream().sorted(java.util.Comparator.comparing((Duplicate d) -> d.person().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(d -> d.person().id()).thenComparing(d -> d.other().id())).limit(MAX_PAIRS)
                .collect(Collectors.toList());
    }

    private static void collect(Map<String, List<Person>> groups, Reason reason, Map<String, Duplicate> pairs) {
        for (List<Person> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Person a = group.get(i).id < group.get(j).id ? group.get(i) : group.get(j);
                    Person b = a == group.get(i) ? group.get(j) : group.get(i);
                    String pair = a.id + "-" + b.id;
                    Duplicate before = pairs.get(pair);
                    List<Reason> reasons = new ArrayList<>(before == null ? List.of() : before.reasons());
                    reasons.add(reason);
                    pairs.put(pair, new Duplicate(PersonRef.of(a), PersonRef.of(b), reasons));
                }
            }
        }
    }
}
