package org.secretariat.expertise.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.function.Executable;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.testing.ModuleDatabase;

/**
 * The module's services over their database, wired as Declarative Services wires them, with a contacts
 * module that knows a few States and people. Today is 15 June 2026. The tests of a run share one module
 * ({@link Shared}); each makes its own rows (themes and States of its own where it counts them).
 */
final class TestModule implements ExtensionContext.Store.CloseableResource {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** Gives a test's constructor the run's module. */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestModule.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(TestModule.class,
                    type -> new TestModule(), TestModule.class);
        }
    }

    final ModuleDatabase database = ModuleDatabase.of("expertise", Expert.class);
    final Clock clock = at(TODAY);
    final ConventionProfile profile = new Profile();
    final Contacts contacts = new Contacts();
    final Partners partners = new Partners(contacts, contacts);
    final FolderStorage storage = new FolderStorage();
    final Experts experts = new Experts(database.factory(), profile, partners, clock);
    final Requests requests = new Requests(database.factory(), profile, partners, clock);
    final Offers offers = new Offers(database.factory(), profile, partners, clock);
    final Retention retention = new Retention(database.factory(), storage, clock);
    final Cvs cvs = new Cvs(database.factory(), storage, retention);
    final Statistics statistics = new Statistics(database.factory());

    static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        database.close();
    }

    static void assertRefused(DomainException.Kind kind, String field, String message, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(message, refusal.getMessage());
        assertEquals(kind, refusal.kind(), message);
        assertEquals(field, refusal.field(), message);
    }

    /** An expert given by name, consent today, with the lists given (kinds: ADVICE). */
    static Experts.Input expert(String name, List<String> themes, List<String> languages, List<String> regions) {
        return new Experts.Input(null, name, null, null, themes, languages, regions, List.of("ADVICE"), null, null, TODAY, null, null);
    }

    /** The profile's part expertise reads: the thematic areas. */
    @SuppressWarnings("deprecation")
    static final class Profile implements ConventionProfile {
        @Override
        public String name() {
            return "Convention on Cluster Munitions";
        }

        @Override
        public String acronym() {
            return "CCM";
        }

        @Override
        public List<String> workingLanguages() {
            return List.of("en", "fr", "es");
        }

        @Override
        public List<String> thematicAreas() {
            return List.of("Universalization", "Stockpile destruction", "Clearance and risk reduction education", "Victim assistance",
                    "International cooperation and assistance", "Transparency measures", "National implementation measures");
        }

        @Override
        public String documentSymbolPattern() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MonthDay fiscalYearStart() {
            return MonthDay.of(1, 1);
        }

        @Override
        public Currency currency() {
            return Currency.getInstance("CHF");
        }

        @Override
        public EntryIntoForceRule entryIntoForceRule() {
            throw new UnsupportedOperationException();
        }
    }

    /** The contacts module: States SN, FR, LA, CO and the people added by tests. */
    static final class Contacts implements ContactDirectory, StateDirectory {
        private final Map<String, StateSummary> states = new LinkedHashMap<>();
        private final Map<Long, ContactSummary> people = new LinkedHashMap<>();

        Contacts() {
            state("SN", "Senegal");
            state("FR", "France");
            state("LA", "Lao People's Democratic Republic");
            state("CO", "Colombia");
            state("BA", "Bosnia and Herzegovina");
        }

        private void state(String iso2, String name) {
            states.put(iso2, new StateSummary(iso2, null, Map.of("en", name), TreatyStatus.STATE_PARTY, null, null, null, null));
        }

        ContactSummary person(long id, String name, String email) {
            ContactSummary person = new ContactSummary(ContactSummary.Kind.PERSON, id, name, email, null);
            people.put(id, person);
            return person;
        }

        @Override
        public Optional<ContactSummary> organisation(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<ContactSummary> person(long id) {
            return Optional.ofNullable(people.get(id));
        }

        @Override
        public List<ContactSummary> search(String text, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ContactSummary> focalPoints(String iso2, String theme) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ContactSummary> mandateHolders(String mandate, String theme, LocalDate asOf) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StateSummary> state(String iso2) {
            return Optional.ofNullable(states.get(iso2.toUpperCase(Locale.ROOT)));
        }

        @Override
        public List<StateSummary> states(TreatyStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StateCounts counts() {
            throw new UnsupportedOperationException();
        }
    }

    /** The file store in a temporary folder. */
    static final class FolderStorage implements FileStorage {
        final Path root;

        FolderStorage() {
            try {
                root = Files.createTempDirectory("expertise-files");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Path folder(String module) {
            try {
                return Files.createDirectories(root.resolve(module));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
