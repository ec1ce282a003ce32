package org.secretariat.expertise.impl.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.expertise.impl.domain.Availability;
import org.secretariat.expertise.impl.domain.Codes;
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * The resource base of experts: profiles, their availability and consent. A profile whose retention date
 * has passed is hidden (see {@link Retention}): left out of lists unless asked for, of matches and of
 * the self-service links.
 */
@Component(service = Experts.class)
public class Experts {

    /** A period of availability, both days included. */
    public record Window(LocalDate from, LocalDate to) {
    }

    /**
     * An expert as the API takes it. Either {@code personId} (a person of the contacts module, whose name
     * and address are taken from there) or {@code name} and, optionally, {@code email}.
     * {@code retainUntil} defaults to {@code consentDate} plus {@link Retention#DEFAULT_RETENTION}.
     */
    public record Input(Long personId, String name, String email, String organisation, List<String> themes, List<String> languages,
            List<String> regions, List<String> kinds, String preferredLanguage, List<Window> availability, LocalDate consentDate,
            LocalDate retainUntil, Integer version) {

        /** The same input with the version read, for a change. */
        public Input withVersion(Integer read) {
            return new Input(personId, name, email, organisation, themes, languages, regions, kinds, preferredLanguage, availability, consentDate,
                    retainUntil, read);
        }
    }

    public record Cv(String fileName, long size) {
    }

    public record View(long id, Long personId, String name, String email, String organisation, List<String> themes, List<String> languages,
            List<String> regions, List<String> kinds, String preferredLanguage, List<Window> availability, Cv cv, LocalDate consentDate,
            LocalDate retainUntil, boolean hidden, LocalDate deletedAfter, int version) {
    }

    /**
     * What an expert changes of their own profile through their link: the lists, the organisation, the
     * availability, and whether they renew their consent (today, kept for {@link Retention#DEFAULT_RETENTION}
     * more); {@code version} is the one the form showed.
     */
    public record SelfInput(String organisation, List<String> themes, List<String> languages, List<String> regions, List<String> kinds,
            List<Window> availability, boolean renewConsent, Integer version) {
    }

    /** What the list of experts is filtered by; nulls filter nothing. */
    public record Filter(String theme, String language, String region, String kind, String text, boolean includeHidden) {
    }

    public static final Set<String> SORTABLE = Set.of("name", "retainUntil", "consentDate", "id");
    static final int MAX_WINDOWS = 50;

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public Experts(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference ConventionProfile profile,
            @Reference Partners partners) {
        this(factory, profile, partners, Clock.systemUTC());
    }

    public Experts(EntityManagerFactory factory, ConventionProfile profile, Partners partners, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.partners = partners;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    public View create(Input input) {
        Checked checked = check(input);
        return Transactions.inTransaction(factory, em -> {
            Expert expert = new Expert();
            expert.createdAt = clock.instant();
            apply(em, expert, checked);
            em.persist(expert);
            em.flush();
            replaceWindows(em, expert.id, checked.windows);
            return view(em, expert);
        });
    }

    public View update(long id, Input input) {
        Checked checked = check(input);
        return Transactions.inTransaction(factory, em -> {
            Expert expert = require(em, id);
            Fields.version(input.version(), expert.version, "Expert " + id);
            apply(em, expert, checked);
            em.flush();
            replaceWindows(em, expert.id, checked.windows);
            return view(em, expert);
        });
    }

    /** The expert's own change through their link (name, address and retention stay the staff's, consent renewal aside). */
    public View selfUpdate(long id, SelfInput input) {
        String organisation = Fields.optional("organisation", input.organisation(), 300);
        List<String> themes = Terms.themes("themes", input.themes(), profile);
        List<String> languages = Terms.languages("languages", input.languages());
        List<String> regions = Terms.regions("regions", input.regions());
        List<String> kinds = Terms.kinds("kinds", input.kinds());
        List<Window> windows = checkWindows(input.availability());
        return Transactions.inTransaction(factory, em -> {
            Expert expert = require(em, id);
            Fields.version(input.version(), expert.version, "Expert " + id);
            expert.organisation = organisation;
            expert.themes = Codes.join(themes);
            expert.languages = Codes.join(languages);
            expert.regions = Codes.join(regions);
            expert.kinds = Codes.join(kinds);
            if (input.renewConsent()) {
                expert.consentDate = today();
                expert.retainUntil = today().plus(Retention.DEFAULT_RETENTION);
            }
            expert.updatedAt = clock.instant();
            em.flush();
            replaceWindows(em, expert.id, windows);
            return view(em, expert);
        });
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(em, require(em, id)));
    }

    public Page<View> list(Filter filter, PageRequest page) {
        return Transactions.read(factory, em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> parameters = new java.util.HashMap<>();
            if (filter.theme() != null) {
                where.append(" AND e.themes LIKE :theme ESCAPE '\\'");
                parameters.put("theme", Codes.member(LikePatterns.literal(filter.theme().trim())));
            }
            if (filter.language() != null) {
                where.append(" AND e.languages LIKE :language ESCAPE '\\'");
                parameters.put("language", Codes.member(Terms.language("language", filter.language())));
            }
            if (filter.region() != null) {
                where.append(" AND e.regions LIKE :region ESCAPE '\\'");
                parameters.put("region", Codes.member(Terms.region("region", filter.region()).name()));
            }
            if (filter.kind() != null) {
                where.append(" AND e.kinds LIKE :kind ESCAPE '\\'");
                parameters.put("kind", Codes.member(Terms.kind("kind", filter.kind()).name()));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                where.append(" AND (LOWER(e.name) LIKE :text ESCAPE '\\' OR LOWER(e.organisation) LIKE :text ESCAPE '\\')");
                parameters.put("text", LikePatterns.containing(filter.text().trim().toLowerCase(java.util.Locale.ROOT)));
            }
            if (!filter.includeHidden()) {
                where.append(" AND e.retainUntil >= :today");
                parameters.put("today", today());
            }
            String order = " ORDER BY e." + page.sortField() + (page.ascending() ? " ASC" : " DESC") + ", e.id ASC";
            TypedQuery<Expert> query = em.createQuery("SELECT e FROM Expert e" + where + order, Expert.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM Expert e" + where, Long.class);
            parameters.forEach((name, value) -> {
                query.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<View> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(e -> view(em, e)).collect(Collectors.toList());
            return Page.of(items, count.getSingleResult(), page);
        });
    }

    static Expert require(EntityManager em, long id) {
        Expert expert = em.find(Expert.class, id);
        if (expert == null) {
            throw DomainException.notFound("No expert " + id);
        }
        return expert;
    }

    static List<Window> windows(EntityManager em, long expertId) {
        return em.createQuery("SELECT a FROM Availability a WHERE a.expertId = :id ORDER BY a.from", Availability.class)
                .setParameter("id", expertId).getResultList().stream().map(a -> new Window(a.from, a.to)).collect(Collectors.toList());
    }

    private record Checked(Long personId, String name, String email, String organisation, List<String> themes, List<String> languages,
            List<String> regions, List<String> kinds, String preferredLanguage, List<Window> windows, LocalDate consentDate,
            LocalDate retainUntil) {
    }

    private Checked check(Input input) {
        if (input == null) {
            throw DomainException.invalid("name", "a JSON body is required");
        }
        Long personId = input.personId();
        String name;
        String email;
        if (personId != null) {
            ContactSummary person = partners.person(personId);
            name = person.name();
            email = input.email() != null ? Fields.email("email", input.email()) : person.email();
        } else {
            name = Fields.required("name", input.name() == null ? null : input.name().trim(), 200);
            email = input.email() == null || input.email().isBlank() ? null : Fields.email("email", input.email().trim());
        }
        String organisation = Fields.optional("organisation", input.organisation(), 300);
        List<String> themes = Terms.themes("themes", input.themes(), profile);
        if (themes.stream().anyMatch(t -> t.contains("|"))) {
            throw DomainException.invalid("themes", "a theme with '|' cannot be filed");
        }
        List<String> languages = Terms.languages("languages", input.languages());
        List<String> regions = Terms.regions("regions", input.regions());
        List<String> kinds = Terms.kinds("kinds", input.kinds());
        String preferred = input.preferredLanguage() == null ? null : Terms.language("preferredLanguage", input.preferredLanguage());
        List<Window> windows = checkWindows(input.availability());
        LocalDate consent = Fields.present("consentDate", input.consentDate(), "the day the expert agreed to be kept in the resource base");
        if (consent.isAfter(today())) {
            throw DomainException.invalid("consentDate", "consentDate is in the future");
        }
        LocalDate retain = input.retainUntil() == null ? consent.plus(Retention.DEFAULT_RETENTION) : input.retainUntil();
        if (retain.isBefore(consent)) {
            throw DomainException.invalid("retainUntil", "retainUntil is before consentDate");
        }
        if (retain.isAfter(consent.plus(Retention.LONGEST_RETENTION))) {
            throw DomainException.invalid("retainUntil", "a profile is kept at most " + Retention.LONGEST_RETENTION.getYears()
                    + " years after consent: ask the expert again then");
        }
        return new Checked(personId, name, email, organisation, themes, languages, regions, kinds, preferred, windows, consent, retain);
    }

    private static List<Window> checkWindows(List<Window> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_WINDOWS) {
            throw DomainException.invalid("availability", "at most " + MAX_WINDOWS + " periods of availability");
        }
        List<Window> windows = new ArrayList<>();
        for (Window window : given) {
            if (window == null || window.from() == null || window.to() == null) {
                throw DomainException.invalid("availability", "each period of availability has a from and a to day");
            }
            if (window.to().isBefore(window.from())) {
                throw DomainException.invalid("availability", "a period of availability ends before it begins: " + window.from() + " to " + window.to());
            }
            windows.add(window);
        }
        windows.sort(Comparator.comparing(Window::from));
        return windows;
    }

    private void apply(EntityManager em, Expert expert, Checked checked) {
        if (checked.personId != null) {
            List<Expert> same = em.createQuery("SELECT e FROM Expert e WHERE e.personId = :person", Expert.class)
                    .setParameter("person", checked.personId).getResultList();
            if (same.stream().anyMatch(e -> !e.equals(expert))) {
                throw DomainException.conflict("person " + checked.personId + " is an expert already (expert " + same.get(0).id + ")");
            }
        }
        expert.personId = checked.personId;
        expert.name = checked.name;
        expert.email = checked.email;
        expert.organisation = checked.organisation;
        expert.themes = Codes.join(checked.themes);
        expert.languages = Codes.join(checked.languages);
        expert.regions = Codes.join(checked.regions);
        expert.kinds = Codes.join(checked.kinds);
        expert.preferredLanguage = checked.preferredLanguage;
        expert.consentDate = checked.consentDate;
        expert.retainUntil = checked.retainUntil;
        expert.updatedAt = clock.instant();
    }

    static void replaceWindows(EntityManager em, long expertId, List<Window> windows) {
        em.createQuery("DELETE FROM Availability a WHERE a.expertId = :id").setParameter("id", expertId).executeUpdate();
        for (Window window : windows) {
            Availability availability = new Availability();
            availability.expertId = expertId;
            availability.from = window.from();
            availability.to = window.to();
            em.persist(availability);
        }
    }

    View view(EntityManager em, Expert e) {
        LocalDate today = today();
        return new View(e.id, e.personId, e.name, e.email, e.organisation, Codes.split(e.themes), Codes.split(e.languages), Codes.split(e.regions),
                Codes.split(e.kinds), e.preferredLanguage, windows(em, e.id), e.cvSha256 == null ? null : new Cv(e.cvFilename, e.cvSize),
                e.consentDate, e.retainUntil, Retention.hidden(e, today), Retention.deletedAfter(e), e.version);
    }
}
