package org.secretariat.meetings.impl.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.meetings.impl.domain.CredentialsKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.service.Notices;
import org.secretariat.meetings.impl.service.Participants;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.meetings.impl.service.StoredFiles;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.AuditLog;

/**
 * The public registration form's rules: which link opens it and in what language, what a submission
 * must hold (a focal point, one to {@value #ROWS} delegates, the credentials letter as a PDF), how it
 * is protected (a nonce per rendering, taken once; a honeypot field; a rate limit per address), and
 * what a good one does, in one transaction: each delegate a pending participant with credentials of
 * kind {@code COPY} (the letter, stored with the documents' files), and the acknowledgement e-mail
 * queued to the focal point.
 */
@Component(service = RegistrationForm.class, configurationPid = "org.secretariat.meetings")
public class RegistrationForm {

    /** Configuration {@code org.secretariat.meetings}: the rate limit of the public form. */
    public @interface Settings {
        /** Submissions of the form taken per client address within the window. */
        int registrationSubmissions() default SUBMISSIONS;

        /** The window, in minutes. */
        int registrationWindowMinutes() default 10;
    }

    /** Rows of delegates the form offers (without JavaScript a form cannot add rows). */
    public static final int ROWS = 6;
    /** The languages the form is written in. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "es");
    /** The credentials letter's largest size. */
    public static final long MAX_LETTER_BYTES = 10L * 1024 * 1024;
    /** Submissions per address and window, unless configured otherwise. */
    static final int SUBMISSIONS = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** How long a rendered form may be sent back. */
    static final Duration NONCE_LIFETIME = Duration.ofHours(12);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<ParticipantRole> ROLES = List.of(ParticipantRole.HEAD_OF_DELEGATION, ParticipantRole.DELEGATE,
            ParticipantRole.ADVISER, ParticipantRole.OBSERVER);

    /** One row of delegates as typed; a row with no text is no delegate. */
    public record Delegate(String givenName, String familyName, String function, String email, String language, String role,
            String accessibilityNeeds) {

        boolean empty() {
            return blank(givenName) && blank(familyName) && blank(function) && blank(email) && blank(accessibilityNeeds);
        }
    }

    /** The form as sent: its nonce and language, the focal point, the honeypot and the rows. */
    public record Submitted(String nonce, String language, String focalName, String focalEmail, String honeypot, List<Delegate> delegates) {
    }

    /** The letter as received: a file in the module's incoming folder with its size, checksum and whether its content is a PDF. */
    public record Letter(Path path, String fileName, long size, String sha256, boolean pdf) {
    }

    /** A field the form must show again with a message ({@code key} in the form's messages; {@code max} for a length). */
    public record Problem(String field, String key, int max) {
    }

    /** The form as it opens: the invitation, a fresh nonce, the language, and the delegates' language choices. */
    public record Form(Invitations.Opened invitation, String nonce, String language, List<String> delegateLanguages) {
    }

    /** What became of a submission. */
    public sealed interface Outcome permits Accepted, Invalid, Stale, AlreadyReceived, Ignored {
    }

    /** Taken: the submission, its delegates, and what became of the acknowledgement. */
    public record Accepted(long submissionId, int delegates, Notices.Outcome acknowledgement) implements Outcome {
    }

    /** To show again with its problems. */
    public record Invalid(List<Problem> problems) implements Outcome {
    }

    /** Sent with a nonce this platform did not give this form, or too late: to show again, with a new nonce. */
    public record Stale() implements Outcome {
    }

    /** This very form was taken before (sent twice). */
    public record AlreadyReceived() implements Outcome {
    }

    /** The honeypot was filled: answered as taken, nothing kept. */
    public record Ignored() implements Outcome {
    }

    private final EntityManagerFactory factory;
    private final Invitations invitations;
    private final Participants participants;
    private final RegistrationLinks links;
    private final Notices notices;
    private final ConventionProfile profile;
    private final StoredFiles files;
    private final Clock clock;
    private volatile RateLimit rateLimit = new RateLimit(SUBMISSIONS, WINDOW);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Activate
    public RegistrationForm(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Invitations invitations,
            @Reference Participants participants, @Reference RegistrationLinks links, @Reference Notices notices,
            @Reference ConventionProfile profile, @Reference FileStorage storage, Settings settings) {
        this(factory, invitations, participants, links, notices, profile, storage, Clock.systemUTC());
        settingsChanged(settings);
    }

    /** A new limit starts counting afresh. */
    @Modified
    void settingsChanged(Settings settings) {
        int submissions = settings.registrationSubmissions() > 0 ? settings.registrationSubmissions() : SUBMISSIONS;
        Duration window = settings.registrationWindowMinutes() > 0 ? Duration.ofMinutes(settings.registrationWindowMinutes()) : WINDOW;
        rateLimit = new RateLimit(submissions, window);
    }

    /** With a fixed clock, as a test wants. */
    public RegistrationForm(EntityManagerFactory factory, Invitations invitations, Participants participants, RegistrationLinks links,
            Notices notices, ConventionProfile profile, FileStorage storage, Clock clock) {
        this.factory = factory;
        this.invitations = invitations;
        this.participants = participants;
        this.links = links;
        this.notices = notices;
        this.profile = profile;
        this.files = new StoredFiles(storage);
        this.clock = clock;
    }

    /** Where an upload is received before it is kept (or thrown away). */
    public Path incomingFolder() {
        return files.incoming();
    }

    /** The form a link opens, in {@code language} if the form is written in it, else the invitation's, else English. */
    public Form open(String token, String language) {
        Invitations.Opened invitation = invitations.open(token);
        return new Form(invitation, links.formNonce(invitation.invitationId()), language(language, invitation.language()), delegateLanguages());
    }

    /** The invitation a link is for, while it holds (the confirmation page). */
    public Invitations.Opened invitation(String token) {
        return invitations.open(token);
    }

    /** The language of a page: the one asked for if the form has it, else the fallback if it has it, else English. */
    public static String language(String asked, String fallback) {
        String wanted = asked == null ? null : asked.strip().toLowerCase(Locale.ROOT);
        if (wanted != null && LANGUAGES.contains(wanted)) {
            return wanted;
        }
        return fallback != null && LANGUAGES.contains(fallback) ? fallback : "en";
    }

    /** The languages a delegate may be written to in: the profile's working languages. */
    public List<String> delegateLanguages() {
        List<String> languages = profile.workingLanguages();
        return languages.isEmpty() ? List.of("en") : languages;
    }

    /** Counts a submission from an address; the wait when it is over its limit (by default {@value #SUBMISSIONS} per ten minutes). */
    public Optional<Duration> admit(String address) {
        return rateLimit.acquire(address, Instant.now(clock));
    }

    /**
     * Takes a submission through the link {@code token} (refused with {@link LinkRefusal} while the link
     * does not hold). The letter's file is the caller's to delete afterwards; a kept letter is moved away first.
     */
    public Outcome submit(String token, Submitted form, Letter letter) {
        Invitations.Opened invitation = invitations.open(token);
        if (form.honeypot() != null && !form.honeypot().isBlank()) {
            return new Ignored();
        }
        Instant issued = links.nonceIssuedAt(invitation.invitationId(), form.nonce());
        Instant now = Instant.now(clock);
        if (issued == null || issued.isAfter(now.plusSeconds(300)) || issued.plus(NONCE_LIFETIME).isBefore(now)) {
            return new Stale();
        }
        List<Problem> problems = problems(form, letter);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        List<Delegate> delegates = form.delegates().stream().filter(d -> !d.empty()).collect(Collectors.toList());
        try {
            files.keep(letter.path(), letter.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("the credentials letter could not be stored", e);
        }
        String language = language(form.language(), invitation.language());
        Accepted accepted;
        try {
            accepted = Transactions.inTransaction(factory, em -> {
                Invitations.Opened current = invitations.open(em, token);
                long used = em.createQuery("SELECT COUNT(s) FROM Submission s WHERE s.nonce = :nonce", Long.class)
                        .setParameter("nonce", form.nonce()).getSingleResult();
                if (used > 0) {
                    return null;
                }
                Submission submission = new Submission();
                submission.meetingId = current.meetingId();
                submission.invitationId = current.invitationId();
                submission.focalPointName = form.focalName().strip();
                submission.focalPointEmail = form.focalEmail().strip();
                submission.language = language;
                submission.letterSha256 = letter.sha256();
                submission.letterName = letterName(letter.fileName());
                submission.letterSize = letter.size();
                submission.delegates = delegates.size();
                submission.nonce = form.nonce();
                submission.submittedAt = now;
                em.persist(submission);
                em.flush();
                List<String> lines = new ArrayList<>();
                for (Delegate delegate : delegates) {
                    Registration registered = participants.register(em, current.meetingId(), registration(current, delegate), submission.id);
                    lines.add("- " + registered.displayName() + (registered.positionTitle() == null ? "" : ", " + registered.positionTitle()));
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("name", submission.focalPointName);
                values.put("meeting", current.meetingTitle());
                values.put("dates", Invitations.dates(current.startDate(), current.endDate(), language));
                values.put("place", Invitations.place(current.venue(), current.city()));
                values.put("delegation", current.delegation());
                values.put("delegates", String.join("\n", lines));
                values.put("count", String.valueOf(delegates.size()));
                Notices.Outcome acknowledgement = notices.queue(em, "meetings:registration-received:" + submission.id, "registration-received",
                        language, submission.focalPointEmail, submission.focalPointName, values);
                return new Accepted(submission.id, delegates.size(), acknowledgement);
            });
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                return new AlreadyReceived();
            }
            throw e;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.INVALID) {
                return new Invalid(List.of(new Problem("delegation", "error.delegation", 0)));
            }
            throw e;
        }
        if (accepted == null) {
            return new AlreadyReceived();
        }
        AuditLog log = audit;
        if (log != null) {
            log.record(null, "meetings.registration.submit", "/api/meetings/" + invitation.meetingId() + "/invitations/" + invitation.invitationId(),
                    "success", "public registration form: submission " + accepted.submissionId() + ", " + accepted.delegates()
                    + " delegates of " + invitation.delegation() + ", acknowledgement " + accepted.acknowledgement().text());
        }
        return accepted;
    }

    private static Registration registration(Invitations.Opened invitation, Delegate delegate) {
        return new Registration(null, invitation.delegationKind(), invitation.stateIso2(), invitation.delegation(), invitation.protocolGroup(),
                null, strip(delegate.givenName()), strip(delegate.familyName()), strip(delegate.function()), strip(delegate.email()),
                role(delegate.role()), null, true, CredentialsKind.COPY, null, strip(delegate.language()), strip(delegate.accessibilityNeeds()),
                null, null, null, null);
    }

    /** Every problem of the form, in the order of its fields. */
    List<Problem> problems(Submitted form, Letter letter) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "focalName", form.focalName(), 200, true);
        email(problems, "focalEmail", form.focalEmail(), true);
        List<Delegate> rows = form.delegates();
        boolean any = false;
        for (int i = 0; i < rows.size() && i < ROWS; i++) {
            Delegate row = rows.get(i);
            if (row.empty()) {
                continue;
            }
            any = true;
            String prefix = "d" + (i + 1) + "-";
            text(problems, prefix + "given", row.givenName(), 100, false);
            text(problems, prefix + "family", row.familyName(), 100, true);
            text(problems, prefix + "function", row.function(), 200, false);
            email(problems, prefix + "email", row.email(), true);
            if (row.language() != null && !row.language().isBlank() && !delegateLanguages().contains(row.language().strip())) {
                problems.add(new Problem(prefix + "language", "error.choice", 0));
            }
            if (row.role() != null && !row.role().isBlank() && role(row.role()) == null) {
                problems.add(new Problem(prefix + "role", "error.choice", 0));
            }
            text(problems, prefix + "needs", row.accessibilityNeeds(), 500, false);
        }
        if (!any) {
            problems.add(new Problem("d1-family", "error.noDelegate", 0));
        }
        if (letter == null || letter.size() == 0) {
            problems.add(new Problem("letter", "error.letterRequired", 0));
        } else if (!letter.pdf()) {
            problems.add(new Problem("letter", "error.letterNotPdf", 0));
        } else if (letter.size() > MAX_LETTER_BYTES) {
            problems.add(new Problem("letter", "error.letterTooLarge", (int) (MAX_LETTER_BYTES / (1024 * 1024))));
        }
        return problems;
    }

    private static void text(List<Problem> problems, String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                problems.add(new Problem(field, "error.required", 0));
            }
        } else if (value.strip().length() > max) {
            problems.add(new Problem(field, "error.tooLong", max));
        }
    }

    private static void email(List<Problem> problems, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                problems.add(new Problem(field, "error.required", 0));
            }
        } else if (value.strip().length() > 200 || !EMAIL.matcher(value.strip()).matches()) {
            problems.add(new Problem(field, "error.email", 0));
        }
    }

    private static ParticipantRole role(String value) {
        if (blank(value)) {
            return ParticipantRole.DELEGATE;
        }
        return ROLES.stream().filter(r -> r.name().equals(value.strip())).findFirst().orElse(null);
    }

    private static String letterName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\p{Cntrl}\"\\\\/]", "").strip();
        if (cleaned.isEmpty()) {
            return "credentials.pdf";
        }
        return cleaned.length() > 255 ? cleaned.substring(0, 255) : cleaned;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && "23505".equals(((SQLException) cause).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A participant's credentials letter (from the registration form), for staff to read. */
    public record StoredLetter(Path path, String fileName, String sha256) {
    }

    /** The letter of the submission that nominated a participant of the meeting; not found if none. */
    public StoredLetter letter(long meetingId, long participantId) {
        return Transactions.read(factory, em -> {
            List<Submission> found = em.createQuery("SELECT s FROM Submission s, Participant p WHERE p.id = :participant"
                    + " AND p.meetingId = :meeting AND s.id = p.submissionId", Submission.class)
                    .setParameter("participant", participantId).setParameter("meeting", meetingId).getResultList();
            if (found.isEmpty()) {
                throw DomainException.notFound("Participant " + participantId + " of meeting " + meetingId + " has no credentials letter");
            }
            Submission submission = found.get(0);
            return new StoredLetter(files.stored(submission.letterSha256), submission.letterName, submission.letterSha256);
        });
    }
}
