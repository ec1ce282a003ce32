package org.secretariat.contacts.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;

/**
 * The states of ISO 3166-1 (as the JDK knows them, names from its CLDR data in every working
 * language) and their treaty status, with the history of every change. Entry into force is computed
 * from the convention profile's rule when read, so a corrected rule applies to every state at once.
 */
@Component(service = {StateCatalogue.class, StateDirectory.class})
public class StateCatalogue implements StateDirectory {

    static final String SOURCE_API = "api";
    static final String SOURCE_IMPORT = "csv-import";

    @Reference(target = "(osgi.unit.name=contacts)")
    private EntityManagerFactory contacts;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConventionProfile profile;

    private final Clock clock = Clock.systemUTC();

    @Activate
    void activate() {
        seed();
    }

    /** Languages with stored names: English (the reference) and the profile's working languages. */
    Set<String> languages() {
        Set<String> languages = new LinkedHashSet<>();
        languages.add("en");
        ConventionProfile current = profile;
        if (current != null) {
            languages.addAll(current.workingLanguages());
        }
        return languages;
    }

    /** Languages whose names are stored (seeding is idempotent; this only saves a query per request). */
    private final Set<String> seeded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Stores the names in a working language the profile gained after the module started. */
    void ensureNames(String language) {
        if (!seeded.contains(language)) {
            seed();
        }
    }

    /** Adds the states and names that are missing; existing rows (and their status) are never touched. */
    void seed() {
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
        seeded.addAll(languages);
    }

    /** A theme as given, if it is one of the profile's thematic areas (or null); otherwise a 400 naming {@code theme}. */
    String theme(String theme) {
        if (theme == null || theme.isBlank()) {
            return null;
        }
        ConventionProfile current = profile;
        List<String> areas = current == null ? List.of() : current.thematicAreas();
        for (String area : areas) {
            if (area.equalsIgnoreCase(theme.trim())) {
                return area;
            }
        }
        throw ApiException.badRequest("theme", "theme must be one of the convention's thematic areas: " + areas);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private EntryIntoForceRule rule() {
        ConventionProfile current = profile;
        if (current == null) {
            throw new ApiException(503, "The convention profile is not configured: entry into force cannot be computed", null);
        }
        return current.entryIntoForceRule();
    }

    StateSummary summary(StateRecord state, Map<String, String> names) {
        LocalDate inForce = state.status == TreatyStatus.STATE_PARTY && state.depositDate != null
                ? rule().entryIntoForce(state.depositDate) : null;
        return new StateSummary(state.iso2, state.iso3, names, state.status, state.instrument, state.signatureDate, state.depositDate, inForce);
    }

    Map<String, Map<String, String>> namesOf(EntityManager em, java.util.Collection<String> iso2s) {
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

    StateRecord find(EntityManager em, String iso2) {
        StateRecord state = iso2 == null ? null : em.find(StateRecord.class, iso2.toUpperCase(Locale.ROOT));
        if (state == null) {
            throw ApiException.notFound("No state with ISO code '" + iso2 + "'");
        }
        return state;
    }

    @Override
    public Optional<StateSummary> state(String iso2) {
        if (iso2 == null || iso2.length() != 2) {
            return Optional.empty();
        }
        return Transactions.read(contacts, em -> {
            StateRecord state = em.find(StateRecord.class, iso2.toUpperCase(Locale.ROOT));
            return state == null ? Optional.<StateSummary>empty()
                    : Optional.of(summary(state, namesOf(em, List.of(state.iso2)).getOrDefault(state.iso2, Map.of())));
        });
    }

    @Override
    public List<StateSummary> states(TreatyStatus status) {
        Objects.requireNonNull(status, "status");
        return Transactions.read(contacts, em -> {
            List<StateRecord> states = em.createQuery("SELECT s FROM StateRecord s WHERE s.status = :status ORDER BY s.nameKey", StateRecord.class)
                    .setParameter("status", status).getResultList();
            Map<String, Map<String, String>> names = namesOf(em, states.stream().map(s -> s.iso2).collect(Collectors.toList()));
            return states.stream().map(s -> summary(s, names.getOrDefault(s.iso2, Map.of()))).collect(Collectors.toList());
        });
    }

    @Override
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

    /** Every state that signed or is party, by English name: the content of the CSV export. */
    List<StateSummary> participants() {
        List<StateSummary> all = new ArrayList<>(states(TreatyStatus.STATE_PARTY));
        all.addAll(states(TreatyStatus.SIGNATORY));
        all.sort(java.util.Comparator.comparing(s -> Names.key(s.name("en"))));
        return all;
    }

    /** The new status of a state. */
    static final class StatusUpdate {
        TreatyStatus status;
        Instrument instrument;
        LocalDate signatureDate;
        LocalDate depositDate;
        Integer version;
    }

    /** Changes a state's status in the caller's transaction and records the change; answers whether anything changed. */
    boolean apply(EntityManager em, StateRecord state, StatusUpdate update, String actor, String source) {
        if (update.version != null && update.version != state.version) {
            throw ApiException.conflict("The status of " + state.iso2 + " was changed by someone else (version " + state.version + ")");
        }
        boolean same = state.status == update.status && state.instrument == update.instrument
                && Objects.equals(state.signatureDate, update.signatureDate) && Objects.equals(state.depositDate, update.depositDate);
        if (same) {
            return false;
        }
        StatusChange change = new StatusChange();
        change.iso2 = state.iso2;
        change.changedAt = Instant.now(clock);
        change.changedBy = actor;
        change.source = source;
        change.oldStatus = state.status;
        change.newStatus = update.status;
        change.instrument = update.instrument;
        change.signatureDate = update.signatureDate;
        change.depositDate = update.depositDate;
        em.persist(change);
        state.status = update.status;
        state.instrument = update.instrument;
        state.signatureDate = update.signatureDate;
        state.depositDate = update.depositDate;
        state.updatedAt = change.changedAt;
        return true;
    }

    /** Resolves an ISO alpha-2 or alpha-3 code, or a name in any stored language, to the alpha-2 code. */
    Map<String, String> lookupTable(EntityManager em) {
        Map<String, String> table = new HashMap<>();
        for (StateRecord state : em.createQuery("SELECT s FROM StateRecord s", StateRecord.class).getResultList()) {
            table.put(state.iso2.toLowerCase(Locale.ROOT), state.iso2);
            if (state.iso3 != null && !state.iso3.isBlank()) {
                table.put(state.iso3.toLowerCase(Locale.ROOT), state.iso2);
            }
            table.putIfAbsent(state.nameKey, state.iso2);
        }
        for (StateName name : em.createQuery("SELECT n FROM StateName n", StateName.class).getResultList()) {
            table.putIfAbsent(name.nameKey, name.iso2);
        }
        return table;
    }

    EntityManagerFactory store() {
        return contacts;
    }
}
