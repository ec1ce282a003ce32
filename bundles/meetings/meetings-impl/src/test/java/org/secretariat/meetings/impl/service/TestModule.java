package org.secretariat.meetings.impl.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.api.MeetingEvents;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.online.OnlineParticipation;
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.meetings.impl.registration.RegistrationDeadline;
import org.secretariat.meetings.impl.registration.RegistrationLinks;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.testing.ModuleDatabase;

/**
 * The module's services over their database, wired as Declarative Services wires them, with small
 * fakes for what the platform and the contacts module give: the profile of the Convention on Cluster
 * Munitions (the platform's part, and the module's settings read from it), a file store in a temporary folder, an Event Admin that keeps what is posted, and a
 * directory of states for {@link #participantsWith}. Today is 20 September 2011.
 * <p>
 * Making the database takes about half a second, a test then takes milliseconds: so the tests of a
 * run share one module ({@link Shared}), and each works on meetings of its own and looks only at them.
 */
final class TestModule implements ExtensionContext.Store.CloseableResource {

    static final LocalDate TODAY = LocalDate.of(2011, 9, 20);

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

    final ModuleDatabase database = ModuleDatabase.of(Meetings.MODULE, Meeting.class);
    final PostedEvents events = new PostedEvents();
    final Path files;
    final Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    final Meetings meetings;
    final Agenda agenda;
    final Programme programme;
    final Decisions decisions;
    final Actions actions;
    final Records records;
    final Participants participants;
    final CredentialsReports credentials;
    final Documents documents;
    final PublicCalendar calendar;
    final RecordingMailer mailer;
    final Notices notices;
    final RegistrationLinks links;
    final Invitations invitations;

    private TestModule() {
        try {
            files = Files.createTempDirectory("meetings-files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConventionProfile profile = new CcmProfile();
        MeetingSettings settings = MeetingSettings.read(new String[] {"MSP=Meeting of States Parties", "RC=Review Conference",
            "IM=Intersessional meeting"}, "{acronym}/{meetingType}/{year}/{category}.{sequence}");
        Announcements announcements = new Announcements(events);
        meetings = new Meetings(database.factory(), settings, announcements, clock, List.of(new OnlineParticipation(), new RegistrationDeadline()));
        agenda = new Agenda(database.factory(), meetings, announcements);
        programme = new Programme(database.factory(), meetings, announcements);
        decisions = new Decisions(database.factory(), meetings, agenda, profile, announcements);
        actions = new Actions(database.factory(), meetings, decisions, clock);
        records = new Records(database.factory(), meetings, programme, clock);
        mailer = new RecordingMailer(database.factory());
        notices = new Notices(profile, mailer);
        participants = participantsWith(null);
        credentials = new CredentialsReports(participants);
        links = new RegistrationLinks(database.factory(), clock);
        invitations = new Invitations(database.factory(), meetings, participants, links, notices, clock, "https://secretariat.example.org/");
        FolderStorage storage = new FolderStorage(files);
        documents = new Documents(database.factory(), meetings, profile, settings, storage, announcements, new DocumentNotices(notices), clock,
                1024 * 1024);
        calendar = new PublicCalendar(database.factory(), storage, clock);
    }

    /** Another database of the module's shape: another platform's (closed with the run). */
    static javax.persistence.EntityManagerFactory otherDatabase() {
        ModuleDatabase other = ModuleDatabase.of(Meetings.MODULE, Meeting.class);
        OTHERS.add(other);
        return other.factory();
    }

    private static final List<ModuleDatabase> OTHERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Participants as they are while the contacts module gives {@code states} (or is not installed, for null). */
    Participants participantsWith(StateDirectory states) {
        return new Participants(database.factory(), meetings, notices, clock, states);
    }

    /** A new meeting in Beirut, created through the service. */
    MeetingJson meeting(String type, String title, LocalDate start, LocalDate end) {
        MeetingJson body = new MeetingJson();
        body.type = type;
        body.title = title;
        body.startDate = start;
        body.endDate = end;
        body.city = "Beirut";
        return meetings.create(body);
    }

    /** A new Meeting of States Parties of 13 to 16 September 2011, just ended. */
    long pastMeeting() {
        return meeting("MSP", "Second Meeting of States Parties", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16)).id;
    }

    @Override
    public void close() throws IOException {
        database.close();
        for (ModuleDatabase other : OTHERS) {
            other.close();
        }
        try (Stream<Path> kept = Files.walk(files)) {
            for (Path path : kept.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    /**
     * The platform's part of the profile of the Convention on Cluster Munitions, as far as meetings read
     * it. The keys the module owns are not asked of the platform (1.1 reads them itself): those
     * deprecated methods fail.
     */
    @SuppressWarnings("deprecation")
    static final class CcmProfile implements ConventionProfile {
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
            return List.of("Universalization", "Victim assistance", "Clearance");
        }

        @Override
        public String documentSymbolPattern() {
            throw new UnsupportedOperationException("meetings read it from MeetingSettings");
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
            throw new UnsupportedOperationException("meetings do not need it");
        }

        @Override
        public Map<String, String> meetingTypes() {
            throw new UnsupportedOperationException("meetings read them from MeetingSettings");
        }
    }

    /** The file store in one folder. */
    static final class FolderStorage implements FileStorage {
        private final Path root;

        FolderStorage(Path root) {
            this.root = root;
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

    /** Event Admin keeping what is posted, in order. */
    static final class PostedEvents implements EventAdmin {
        final List<Event> posted = new ArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("the module posts events, it never waits for their handlers: " + event);
        }

        /** The topics posted about a meeting, in order. */
        List<String> about(long meetingId) {
            return posted.stream().filter(e -> Long.valueOf(meetingId).equals(e.getProperty(MeetingEvents.MEETING_ID)))
                    .map(Event::getTopic).collect(Collectors.toList());
        }
    }

    /** The contacts module's directory of states, with the states given. */
    static final class States implements StateDirectory {
        private final Map<String, StateSummary> states = new LinkedHashMap<>();

        States with(String iso2, String englishName, TreatyStatus status) {
            states.put(iso2, new StateSummary(iso2, null, Map.of("en", englishName), status, null, null, null, null));
            return this;
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
            throw new UnsupportedOperationException("meetings do not need it");
        }
    }
}
