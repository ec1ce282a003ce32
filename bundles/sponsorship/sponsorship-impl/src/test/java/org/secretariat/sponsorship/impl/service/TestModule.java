package org.secretariat.sponsorship.impl.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.api.MeetingAttendance;
import org.secretariat.meetings.api.MeetingRegistrations;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.security.AuditLog;
import org.secretariat.platform.testing.ModuleDatabase;
import org.secretariat.sponsorship.impl.domain.Fund;

/**
 * The module's services over their database, wired as Declarative Services wires them, with small
 * hand-written stand-ins for the other modules' API services (meetings: a calendar of meetings and a
 * register of participants; contacts: states and people) and a file store in a temporary folder. Today
 * is 1 June 2026; programmes close on 1 July 2026. Tests share one module ({@link Shared}) and each works on funds and meetings
 * of its own.
 */
final class TestModule implements ExtensionContext.Store.CloseableResource {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

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

    final ModuleDatabase database = ModuleDatabase.of("sponsorship", Fund.class);
    final Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    final Calendar calendar = new Calendar();
    final Register register = new Register();
    final States states = new States();
    final People people = new People();
    final Path files;
    final Partners partners = new Partners(calendar, register, states, people);
    final Partners withoutMeetings = new Partners(null, null, states, people);
    final Partners alone = new Partners(null, null, null, null);
    final Funds funds;
    final DsaRates rates;
    final Programmes programmes;
    final Applications applications;
    final Awards awards;
    final Letters letters;
    final Audit audit = new Audit();
    final Selection selection;
    final Statistics statistics;

    /** A module over a database of its own, for a test that works on every application at once (the erasure). */
    static TestModule alone() {
        return new TestModule();
    }

    private TestModule() {
        try {
            files = Files.createTempDirectory("sponsorship-files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        funds = new Funds(database.factory(), partners, clock);
        rates = new DsaRates(database.factory());
        programmes = new Programmes(database.factory(), partners);
        applications = applicationsWith(partners);
        awards = new Awards(database.factory(), partners, clock);
        letters = new Letters(database.factory(), storage());
        selection = new Selection(database.factory(), partners, clock);
        statistics = new Statistics(database.factory());
    }

    Applications applicationsWith(Partners with) {
        return applications(with, clock);
    }

    /** The decisions as they are taken on {@code day} (after a meeting, for attendance). */
    Awards awardsOn(LocalDate day) {
        return new Awards(database.factory(), partners, on(day));
    }

    /** The erasure as it runs on {@code day}. */
    Retention retentionOn(LocalDate day) {
        return new Retention(database.factory(), letters, audit, on(day));
    }

    static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private Applications applications(Partners with, Clock at) {
        return new Applications(database.factory(), with, at);
    }

    private FileStorage storage() {
        return module -> {
            try {
                return Files.createDirectories(files.resolve(module));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private long meetingIds = 100;

    /** A new meeting in the calendar, and its id. */
    long meeting(String type, String title, LocalDate start, LocalDate end, String city) {
        long id = ++meetingIds;
        calendar.meetings.put(id, new MeetingSummary(id, type, 1, title, start, end, city, MeetingStatus.PLANNED, true));
        return id;
    }

    /** A fund in Swiss francs, not earmarked, with {@code received} received. */
    Funds.View fund(String donor, String received) {
        Funds.View fund = funds.create(new Funds.Input(null, null, donor, "CHF", new BigDecimal(received), null, null, null, null, null));
        funds.receive(fund.id(), new Funds.ReceiptInput(TODAY.minusMonths(1), new BigDecimal(received), "first instalment"), "finance");
        return funds.get(fund.id());
    }

    /** A programme for a meeting, open until 1 July 2026, with terminal expenses of 100 and the weights given. */
    Programmes.View programme(long fundId, long meetingId, int places, int maxPerState, Points.Weights weights) {
        return programmes.create(new Programmes.Input(fundId, meetingId, Instant.parse("2026-07-01T00:00:00Z"), places, null, maxPerState,
                new BigDecimal("100"), weights, null));
    }

    @Override
    public void close() throws IOException {
        database.close();
        try (var walk = Files.walk(files)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    /** The platform's audit trail: keeps the events it is given, in order. */
    static final class Audit implements AuditLog {
        record Event(String actor, String action, String entity, String outcome, String detail) {
        }

        final List<Event> events = new ArrayList<>();

        @Override
        public synchronized void record(String actor, String action, String entity, String outcome, String detail) {
            events.add(new Event(actor, action, entity, outcome, detail));
        }
    }

    /** The meetings module's attendance service over the meetings given. */
    static final class Calendar implements MeetingAttendance {
        final Map<Long, MeetingSummary> meetings = new LinkedHashMap<>();

        @Override
        public Optional<MeetingSummary> meeting(long meetingId) {
            return Optional.ofNullable(meetings.get(meetingId));
        }

        @Override
        public List<String> statesTakingPart(long meetingId) {
            throw new UnsupportedOperationException("sponsorship does not ask");
        }
    }

    /** The meetings module's registrations: keeps each registration once per key, as the contract says. */
    static final class Register implements MeetingRegistrations {
        record Registered(long meetingId, Delegate delegate, boolean withdrawn) {
        }

        final Map<String, Registered> byKey = new LinkedHashMap<>();
        final List<String> keys = new ArrayList<>();

        @Override
        public long register(long meetingId, String externalKey, Delegate delegate) {
            if (!byKey.containsKey(externalKey)) {
                byKey.put(externalKey, new Registered(meetingId, delegate, false));
                keys.add(externalKey);
            }
            return 5000 + keys.indexOf(externalKey);
        }

        @Override
        public boolean withdraw(String externalKey) {
            Registered registered = byKey.get(externalKey);
            if (registered == null) {
                return false;
            }
            byKey.put(externalKey, new Registered(registered.meetingId(), registered.delegate(), true));
            return true;
        }
    }

    /** The contacts module's states: a few, with their status. */
    static final class States implements StateDirectory {
        private final Map<String, StateSummary> states = new LinkedHashMap<>();

        States() {
            with("LA", "Lao People's Democratic Republic", TreatyStatus.STATE_PARTY);
            with("SN", "Senegal", TreatyStatus.STATE_PARTY);
            with("AO", "Angola", TreatyStatus.SIGNATORY);
            with("MM", "Myanmar", TreatyStatus.NOT_PARTY);
            for (String iso2 : List.of("BF", "BJ", "BI", "TD", "KM", "CD", "ML", "MZ", "NE", "RW", "TG", "UG", "GM", "GN", "LR", "MW", "MR",
                "SL", "SO", "ZM")) {
                with(iso2, "State " + iso2, TreatyStatus.STATE_PARTY);
            }
        }

        private void with(String iso2, String name, TreatyStatus status) {
            states.put(iso2, new StateSummary(iso2, null, Map.of("en", name), status, null, null, null, null));
        }

        @Override
        public Optional<StateSummary> state(String iso2) {
            return Optional.ofNullable(states.get(iso2.toUpperCase(Locale.ROOT)));
        }

        @Override
        public List<StateSummary> states(TreatyStatus status) {
            return states.values().stream().filter(s -> s.status() == status).collect(Collectors.toList());
        }

        @Override
        public StateCounts counts() {
            throw new UnsupportedOperationException("sponsorship does not ask");
        }
    }

    /** The contacts module's people and organisations; person 7 holds the presidency. */
    static final class People implements ContactDirectory {
        @Override
        public Optional<ContactSummary> organisation(long id) {
            return id == 1 ? Optional.of(new ContactSummary(ContactSummary.Kind.ORGANISATION, 1, "Federal Foreign Office", null, "DE"))
                    : Optional.empty();
        }

        @Override
        public Optional<ContactSummary> person(long id) {
            if (id == 7) {
                return Optional.of(new ContactSummary(ContactSummary.Kind.PERSON, 7, "Amina Diallo", "amina@example.sn", "SN"));
            }
            if (id == 8) {
                return Optional.of(new ContactSummary(ContactSummary.Kind.PERSON, 8, "Ousmane Ba", null, "SN"));
            }
            return Optional.empty();
        }

        @Override
        public List<ContactSummary> search(String text, int limit) {
            return List.of();
        }

        @Override
        public List<ContactSummary> focalPoints(String iso2, String theme) {
            return List.of();
        }

        @Override
        public List<ContactSummary> mandateHolders(String mandate, String theme, LocalDate asOf) {
            return "PRESIDENCY".equals(mandate) ? List.of(person(7).orElseThrow()) : List.of();
        }
    }
}
