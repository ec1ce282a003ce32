package org.secretariat.contacts.impl.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.domain.Participation;
import org.secretariat.contacts.impl.domain.StateName;
import org.secretariat.contacts.impl.domain.StateRecord;
import org.secretariat.contacts.impl.domain.StatusChange;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * The states of ISO 3166-1 (as the JDK knows them, names from its CLDR data in every working
 * language) and their treaty status, with the history of every change. Entry into force is computed
 * when read, by the rule the module reads from the convention profile ({@link ContactSettings}), so a
 * corrected rule applies to every state at once.
 */
@Component(service = States.class)
public class States {

    static final String SOURCE_API = "api";
    static final String SOURCE_IMPORT = "csv-import";

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "name", "n.nameKey", "iso2", "s.iso2", "status", "s.status",
            "signatureDate", "s.signatureDate", "depositDate", "s.depositDate", "entryIntoForce", "s.depositDate");
    /** What a list of states can be sorted by. */
    public static final Set<String> SORTABLE = SORT_FIELDS.keySet();

    private final EntityManagerFactory contacts;
    private final ConventionProfile profile;
    private final ContactSettings settings;

    /** Adds the states and names (in the profile's languages) that are missing; a reconfigured profile starts a new instance. */
    @Activate
    public States(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference ConventionProfile profile,
            @Reference ContactSettings settings) {
        this.contacts = contacts;
        this.profile = profile;
        this.settings = settings;
        seed();
    }

    /** Existing rows (and their status) are never touched. */
    private void seed() {
        Set<String> languages = languages();
        Transactions.inTransaction(contacts, em -> {
            Set<String> known = new HashSet<>(em.createQuery("SELECT s.iso2 FROM StateRecord s", String.class).getResultList());
            Set<String> named = new HashSet<>();
            for (Object[] key : em.createQuery("SELECT n.iso2, n.lang FROM StateName n", Object[].class).getResultList()) {
                named.add(key[0] + "/" + key[1]);
            }
            for (String iso2 : Locale.getISOCountries()) {
                Locale country = new Locale("", iso2);
                if (!known.contains(iso2)) {
                    StateRecord state = new StateRecord();
                    state.iso2 = iso2;
                    state.iso3 = country.getISO3Country();
                    state.nameKey = Names.key(country.getDisplayCountry(Locale.ENGLISH));
                    state.status = TreatyStatus.NOT_PARTY;
                    em.persist(state);
                }
                for (String language : languages) {
                    if (!named.contains(iso2 + "/" + language)) {
                        StateName name = new StateName();
                        name.iso2 = iso2;
                        name.lang = language;
                        name.name = country.getDisplayCountry(Locale.forLanguageTag(language));
                        name.nameKey = Names.key(name.name);
                        em.persist(name);
                    }
                }
            }
            return null;
        });
    }

    /** Languages with stored names: English (the reference) and the profile's working languages. */
    private Set<String> languages() {
        Set<String> languages = new LinkedHashSet<>();
        languages.add("en");
        languages.addAll(profile.workingLanguages());
        return languages;
    }

    /** English when none is asked; else one of the stored languages, or refused naming {@code lang}. */
    private String language(String lang) {
        if (lang == null || lang.isBlank()) {
            return "en";
        }
        Set<String> stored = languages();
        if (!stored.contains(lang)) {
            throw DomainException.invalid("lang", "lang must be one of " + stored);
        }
        return lang;
    }

    /** A page of states named in {@code lang}; {@code text} matches a name in any stored language or a code. */
    public Page<StateDto> list(TreatyStatus status, String text, String lang, PageRequest page) {
        String language = language(lang);
        String search = text == null || text.isBlank() ? null : text.trim();
        StringBuilder where = new StringBuilder(" FROM StateRecord s, StateName n WHERE n.iso2 = s.iso2 AND n.lang = :lang");
        if (status != null) {
            where.append(" AND s.status = :status");
        }
        if (search != null) {
            where.append(" AND (n.nameKey LIKE :pattern ESCAPE '\\' OR s.nameKey LIKE :pattern ESCAPE '\\' OR s.iso2 = :code OR s.iso3 = :code)");
        }
        return Transactions.read(contacts, em -> {
            TypedQuery<Long> count = bind(em.createQuery("SELECT COUNT(s)" + where, Long.class), language, status, search);
            TypedQuery<StateRecord> items = bind(em.createQuery("SELECT s" + where + " ORDER BY " + SORT_FIELDS.get(page.sortField())
                    + (page.ascending() ? " ASC" : " DESC") + ", s.iso2", StateRecord.class), language, status, search);
            List<StateRecord> states = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            Map<String, Map<String, String>> names = namesOf(em, states.stream().map(s -> s.iso2).collect(Collectors.toList()));
            List<StateDto> dtos = states.stream()
                    .map(s -> StateDto.of(summary(s, names.getOrDefault(s.iso2, Map.of())), language, s.version, false))
                    .collect(Collectors.toList());
            return Page.of(dtos, count.getSingleResult(), page);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String language, TreatyStatus status, String text) {
        query.setParameter("lang", language);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (text != null) {
            query.setParameter("pattern", Names.containsPattern(text));
            query.setParameter("code", text.toUpperCase(Locale.ROOT));
        }
        return query;
    }

    /** The state named in {@code lang}, with its names in every stored language. */
    public StateDto get(String iso2, String lang) {
        String language = language(lang);
        return Transactions.read(contacts, em -> withNames(em, find(em, iso2), language));
    }

    private StateDto withNames(EntityManager em, StateRecord state, String language) {
        Map<String, String> names = namesOf(em, List.of(state.iso2)).getOrDefault(state.iso2, Map.of());
        return StateDto.of(summary(state, names), language, state.version, true);
    }

    /** Changes a state's status, keeping the change in its history; {@code update.version}, when sent, must be the current one. */
    public StateDto changeStatus(String iso2, StatusUpdate update, String actor) {
        if (update == null) {
            throw DomainException.invalid("status", "a JSON body with status, instrument, signatureDate and depositDate is required");
        }
        Participation next = update.participation();
        StatusRules.check(next.status(), next.instrument(), next.signatureDate(), next.depositDate(), today());
        return Transactions.inTransaction(contacts, em -> {
            StateRecord state = find(em, iso2);
            if (update.version() != null && update.version() != state.version) {
                throw DomainException.conflict("The status of " + state.iso2 + " was changed by someone else (version " + state.version + ")");
            }
            if (!state.participation().equals(next)) {
                em.persist(state.moveTo(next, Instant.now(), actor, SOURCE_API));
                em.flush();
            }
            return withNames(em, state, "en");
        });
    }

    /** The state's status changes, newest first. */
    public Page<StatusChangeDto> history(String iso2, PageRequest page) {
        return Transactions.read(contacts, em -> {
            String code = find(em, iso2).iso2;
            long total = em.createQuery("SELECT COUNT(c) FROM StatusChange c WHERE c.iso2 = :iso2", Long.class)
                    .setParameter("iso2", code).getSingleResult();
            List<StatusChangeDto> items = em.createQuery("SELECT c FROM StatusChange c WHERE c.iso2 = :iso2 ORDER BY c.changedAt DESC, c.id DESC",
                    StatusChange.class).setParameter("iso2", code).setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultList().stream().map(StatusChangeDto::of).collect(Collectors.toList());
            return Page.of(items, total, page);
        });
    }

    /** How many states have each status, and for how many States Parties the convention is in force today. */
    public TreatyCounts treatyCounts() {
        StateCounts counts = counts();
        LocalDate today = today();
        long inForce = summaries(TreatyStatus.STATE_PARTY).stream()
                .filter(s -> s.entryIntoForce() != null && !s.entryIntoForce().isAfter(today)).count();
        return new TreatyCounts(counts.stateParties(), inForce, counts.signatories(), counts.notParty(), today);
    }

    public StateCounts counts() {
        return Transactions.read(contacts, em -> {
            Map<TreatyStatus, Integer> counts = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT s.status, COUNT(s) FROM StateRecord s GROUP BY s.status", Object[].class).getResultList()) {
                counts.put((TreatyStatus) row[0], ((Number) row[1]).intValue());
            }
            return new StateCounts(counts.getOrDefault(TreatyStatus.STATE_PARTY, 0), counts.getOrDefault(TreatyStatus.SIGNATORY, 0),
                    counts.getOrDefault(TreatyStatus.NOT_PARTY, 0));
        });
    }

    /** The state with this code (any case), if there is one. */
    public Optional<StateSummary> summary(String iso2) {
        if (iso2 == null || iso2.length() != 2) {
            return Optional.empty();
        }
        return Transactions.read(contacts, em -> {
            StateRecord state = em.find(StateRecord.class, iso2.toUpperCase(Locale.ROOT));
            return state == null ? Optional.<StateSummary>empty()
                    : Optional.of(summary(state, namesOf(em, List.of(state.iso2)).getOrDefault(state.iso2, Map.of())));
        });
    }

    /** The states with a status, by English name. */
    public List<StateSummary> summaries(TreatyStatus status) {
        Objects.requireNonNull(status, "status");
        return Transactions.read(contacts, em -> {
            List<StateRecord> states = em.createQuery("SELECT s FROM StateRecord s WHERE s.status = :status ORDER BY s.nameKey", StateRecord.class)
                    .setParameter("status", status).getResultList();
            Map<String, Map<String, String>> names = namesOf(em, states.stream().map(s -> s.iso2).collect(Collectors.toList()));
            return states.stream().map(s -> summary(s, names.getOrDefault(s.iso2, Map.of()))).collect(Collectors.toList());
        });
    }

    /** Every state that signed or is party, by English name. */
    List<StateSummary> participants() {
        List<StateSummary> all = new ArrayList<>(summaries(TreatyStatus.STATE_PARTY));
        all.addAll(summaries(TreatyStatus.SIGNATORY));
        all.sort(Comparator.comparing(s -> Names.key(s.name("en"))));
        return all;
    }

    /** The upper-case code of a known state, as a record refers to it; refused, naming {@code stateIso2}, otherwise. */
    public String code(String iso2) {
        String code = iso2.trim().toUpperCase(Locale.ROOT);
        if (code.length() != 2 || Transactions.read(contacts, em -> em.find(StateRecord.class, code)) == null) {
            throw DomainException.invalid("stateIso2", "unknown state '" + iso2 + "' (ISO 3166-1 alpha-2 code)");
        }
        return code;
    }

    /** The upper-case code of the state a request is about (any case); not found otherwise. */
    public String existing(String iso2) {
        return Transactions.read(contacts, em -> find(em, iso2).iso2);
    }

    /** The English names of the states with these codes. */
    Map<String, String> englishNames(Collection<String> iso2s) {
        if (iso2s.isEmpty()) {
            return Map.of();
        }
        return Transactions.read(contacts, em -> em.createQuery("SELECT n FROM StateName n WHERE n.lang = :lang AND n.iso2 IN :codes", StateName.class)
                .setParameter("lang", "en").setParameter("codes", iso2s).getResultList().stream().collect(Collectors.toMap(n -> n.iso2, n -> n.name)));
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static StateRecord find(EntityManager em, String iso2) {
        StateRecord state = iso2 == null ? null : em.find(StateRecord.class, iso2.toUpperCase(Locale.ROOT));
        if (state == null) {
            throw DomainException.notFound("No state with ISO code '" + iso2 + "'");
        }
        return state;
    }

    private StateSummary summary(StateRecord state, Map<String, String> names) {
        LocalDate inForce = state.status == TreatyStatus.STATE_PARTY && state.depositDate != null
                ? settings.stateEntryIntoForce(state.depositDate) : null;
        return new StateSummary(state.iso2, state.iso3, names, state.status, state.instrument, state.signatureDate, state.depositDate, inForce);
    }

    private static Map<String, Map<String, String>> namesOf(EntityManager em, Collection<String> iso2s) {
        Map<String, Map<String, String>> names = new HashMap<>();
        if (iso2s.isEmpty()) {
            return names;
        }
        for (StateName name : em.createQuery("SELECT n FROM StateName n WHERE n.iso2 IN :codes", StateName.class)
                .setParameter("codes", iso2s).getResultList()) {
            names.computeIfAbsent(name.iso2, k -> new LinkedHashMap<>()).put(name.lang, name.name);
        }
        return names;
    }
}
