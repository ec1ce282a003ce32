package org.secretariat.platform.mail.impl;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Query;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.MailTemplates;
import org.secretariat.platform.api.mail.Mailer;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.mail.impl.OutboxMessage.State;

/**
 * The outbox (MAIL_OUTBOX). A module's message is inserted on the module's own connection, inside its
 * transaction, so it exists exactly when the module's change is committed. The sender then takes due
 * messages one by one: a claim is a conditional update (the attempts it read, still QUEUED), so of two
 * senders reading the same row only one wins it; every later change of state is conditional on the claim.
 */
@Component(service = {Mailer.class, Outbox.class})
public class Outbox implements Mailer {

    static final Set<String> SORTABLE = Set.of("queuedAt", "sentAt", "recipient", "state", "attempts");
    private static final int ID_BLOCK = 50;
    private static final int ERROR_LENGTH = 1000;

    /** A message as the administration sees it: everything but its body, which may carry links meant for the recipient only. */
    public record View(long id, String key, String module, String template, String language, String recipient, String recipientName,
            String subject, String state, int attempts, Instant nextAttemptAt, String lastError, Instant queuedAt, Instant sentAt) {

        static View of(OutboxMessage m) {
            return new View(m.id, m.key, m.module, m.template, m.language, m.recipient, m.recipientName, m.subject, m.state, m.attempts,
                    State.QUEUED.name().equals(m.state) ? m.nextAttemptAt : null, m.lastError, m.queuedAt, m.sentAt);
        }
    }

    /** How many messages are in each state, and since when the oldest queued one waits. */
    public record Counts(long queued, long sent, long failed, Instant oldestQueuedAt) {
    }

    /** A queued message that is due, as the sender read it. */
    record Due(long id, int attempts) {
    }

    /** A message this sender holds: its attempt number and everything needed to send it. */
    record Claimed(long id, int attempt, Mail mail, Instant queuedAt) {
    }

    private static final MailTemplates TEMPLATES = new MailTemplates(Outbox.class);

    private final EntityManagerFactory factory;
    private final Clock clock;
    private final List<Runnable> queuedListeners = new CopyOnWriteArrayList<>();
    private long nextId;
    private long lastId = -1;

    @Activate
    public Outbox(@Reference(target = "(osgi.unit.name=mail)") EntityManagerFactory factory) {
        this(factory, Clock.systemUTC());
    }

    Outbox(EntityManagerFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    @Override
    public boolean queue(EntityManager em, Mail mail) {
        Objects.requireNonNull(em, "em");
        Mail checked = MailChecks.checked(Objects.requireNonNull(mail, "mail"));
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("Mailer.queue needs the caller's transaction to be active on its EntityManager");
        }
        // On Derby this read waits for a transaction that inserted the same key until it ends, so the
        // second of two concurrent callers sees the first one's message once it is committed.
        Number existing = (Number) em.createNativeQuery("SELECT COUNT(*) FROM MAIL_OUTBOX WHERE MAIL_KEY = ?")
                .setParameter(1, checked.key()).getSingleResult();
        if (existing.longValue() > 0) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<String> columns = new ArrayList<>(List.of("ID", "MAIL_KEY", "SOURCE_MODULE", "TEMPLATE", "LANGUAGE_CODE", "RECIPIENT", "SUBJECT",
                "BODY_TEXT", "STATE", "ATTEMPTS", "NEXT_ATTEMPT_AT", "QUEUED_AT", "ROW_VERSION"));
        List<Object> values = new ArrayList<>(List.of(nextId(), checked.key(), checked.module(), checked.template(), checked.language(),
                checked.to(), checked.subject(), checked.text(), State.QUEUED.name(), 0, now, now, 0));
        // Absent values are left out rather than bound as NULL, which not every driver takes without a type.
        if (checked.toName() != null) {
            columns.add("RECIPIENT_NAME");
            values.add(checked.toName());
        }
        if (checked.html() != null) {
            columns.add("BODY_HTML");
            values.add(checked.html());
        }
        Query insert = em.createNativeQuery("INSERT INTO MAIL_OUTBOX (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")");
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
        queuedListeners.forEach(Runnable::run);
        return true;
    }

    /** Called after each message queued (before the caller commits): the sender looks sooner than its next round. */
    void addQueuedListener(Runnable listener) {
        queuedListeners.add(listener);
    }

    void removeQueuedListener(Runnable listener) {
        queuedListeners.remove(listener);
    }

    /** Ids in blocks, each block taken in a short transaction of its own (never the caller's, whose locks would be held to its end). */
    private synchronized long nextId() {
        if (nextId > lastId) {
            long top = Transactions.inTransaction(factory, em -> {
                em.createNativeQuery("UPDATE MAIL_SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ? WHERE SEQ_NAME = 'OUTBOX'").setParameter(1, ID_BLOCK)
                        .executeUpdate();
                return ((Number) em.createNativeQuery("SELECT SEQ_COUNT FROM MAIL_SEQUENCE WHERE SEQ_NAME = 'OUTBOX'").getSingleResult()).longValue();
            });
            nextId = top - ID_BLOCK + 1;
            lastId = top;
        }
        return nextId++;
    }

    // ---- the sender's side

    /** Queued messages due at {@code now}, those that waited longest first. */
    List<Due> due(Instant now, int max) {
        return Transactions.read(factory, em -> em.createQuery("SELECT m.id, m.attempts FROM OutboxMessage m WHERE m.state = :queued"
                + " AND m.nextAttemptAt <= :now ORDER BY m.queuedAt, m.id", Object[].class)
                .setParameter("queued", State.QUEUED.name()).setParameter("now", now).setMaxResults(max).getResultList()
                .stream().map(row -> new Due(((Number) row[0]).longValue(), ((Number) row[1]).intValue())).collect(Collectors.toList()));
    }

    /**
     * Claims a due message for one attempt: counts the attempt and moves its next attempt to the end of
     * the claim, on the condition that it is still QUEUED with the attempts read. Empty when another
     * sender (or an administrator) changed it first. A sender that dies holding a claim leaves the
     * message QUEUED: it is due again when the claim ends.
     */
    Optional<Claimed> claim(Due due, Duration claim) {
        Instant now = clock.instant();
        return Transactions.inTransaction(factory, em -> {
            int won = em.createNativeQuery("UPDATE MAIL_OUTBOX SET ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = ?, ROW_VERSION = ROW_VERSION + 1"
                    + " WHERE ID = ? AND STATE = 'QUEUED' AND ATTEMPTS = ? AND NEXT_ATTEMPT_AT <= ?")
                    .setParameter(1, Timestamp.from(now.plus(claim))).setParameter(2, due.id()).setParameter(3, due.attempts())
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
            if (won != 1) {
                return Optional.empty();
            }
            OutboxMessage m = em.find(OutboxMessage.class, due.id());
            em.refresh(m);
            return Optional.of(new Claimed(m.id, m.attempts,
                    new Mail(m.key, m.module, m.template, m.language, m.recipient, m.recipientName, m.subject, m.text, m.html), m.queuedAt));
        });
    }

    /** The claimed attempt went out. False when the claim was lost meanwhile (it outlived its time). */
    boolean sent(Claimed claimed) {
        return change(claimed, "STATE = 'SENT', SENT_AT = ?, LAST_ERROR = NULL", Timestamp.from(clock.instant()));
    }

    /** The claimed attempt failed; the message is tried again at {@code next}. */
    boolean retryAt(Claimed claimed, Instant next, String reason) {
        return change(claimed, "NEXT_ATTEMPT_AT = ?, LAST_ERROR = ?", Timestamp.from(next), error(reason));
    }

    /** The claimed attempt failed and was the last: the message waits for an administrator. */
    boolean failed(Claimed claimed, String reason) {
        return change(claimed, "STATE = 'FAILED', LAST_ERROR = ?", error(reason));
    }

    private boolean change(Claimed claimed, String assignments, Object... values) {
        return Transactions.inTransaction(factory, em -> {
            Query update = em.createNativeQuery("UPDATE MAIL_OUTBOX SET " + assignments + ", ROW_VERSION = ROW_VERSION + 1"
                    + " WHERE ID = ? AND STATE = 'QUEUED' AND ATTEMPTS = ?");
            int index = 1;
            for (Object value : values) {
                update.setParameter(index++, value);
            }
            return update.setParameter(index++, claimed.id()).setParameter(index, claimed.attempt()).executeUpdate() == 1;
        });
    }

    private static String error(String reason) {
        String text = reason == null || reason.isBlank() ? "unknown error" : reason.strip();
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
    }

    // ---- the administration's side

    /** A page of the outbox, optionally of one state; newest first unless asked otherwise. */
    public Page<View> page(String state, PageRequest request) {
        String filter = state == null ? null : state(state);
        String where = filter == null ? "" : " WHERE m.state = :state";
        return Transactions.read(factory, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(m) FROM OutboxMessage m" + where, Long.class);
            String direction = request.ascending() ? " ASC" : " DESC";
            TypedQuery<OutboxMessage> query = em.createQuery("SELECT m FROM OutboxMessage m" + where + " ORDER BY m." + request.sortField()
                    + direction + ", m.id" + direction, OutboxMessage.class);
            if (filter != null) {
                count.setParameter("state", filter);
                query.setParameter("state", filter);
            }
            List<View> items = query.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList().stream().map(View::of)
                    .collect(Collectors.toList());
            return Page.of(items, count.getSingleResult(), request);
        });
    }

    private static String state(String state) {
        try {
            return State.valueOf(state.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("state", "state is one of QUEUED, SENT, FAILED");
        }
    }

    /** The message with this id (digits) or key. */
    public View find(String keyOrId) {
        return Transactions.read(factory, em -> View.of(require(em, keyOrId)));
    }

    private static OutboxMessage require(EntityManager em, String keyOrId) {
        String reference = keyOrId == null ? "" : keyOrId.strip();
        OutboxMessage found = null;
        if (reference.matches("\\d{1,18}")) {
            found = em.find(OutboxMessage.class, Long.parseLong(reference));
        }
        if (found == null && !reference.isEmpty()) {
            found = em.createQuery("SELECT m FROM OutboxMessage m WHERE m.key = :key", OutboxMessage.class).setParameter("key", reference)
                    .getResultStream().findFirst().orElse(null);
        }
        if (found == null) {
            throw DomainException.notFound("No message " + reference + " in the outbox");
        }
        return found;
    }

    /**
     * Puts a FAILED message back in the queue, due now, with a fresh series of attempts (its last error
     * stays until the next attempt says otherwise). A message in another state is a conflict.
     */
    public View retry(String keyOrId) {
        View retried = Transactions.inTransaction(factory, em -> {
            OutboxMessage message = require(em, keyOrId);
            int changed = em.createNativeQuery("UPDATE MAIL_OUTBOX SET STATE = 'QUEUED', ATTEMPTS = 0, NEXT_ATTEMPT_AT = ?,"
                    + " ROW_VERSION = ROW_VERSION + 1 WHERE ID = ? AND STATE = 'FAILED'")
                    .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, message.id).executeUpdate();
            if (changed != 1) {
                throw DomainException.conflict("Message " + message.id + " is " + message.state + ", not FAILED: only a failed message is retried");
            }
            em.refresh(message);
            return View.of(message);
        });
        queuedListeners.forEach(Runnable::run);
        return retried;
    }

    /** How many messages are queued, sent and failed, and the oldest queued one's time. */
    public Counts counts() {
        return Transactions.read(factory, em -> {
            long queued = 0;
            long sent = 0;
            long failed = 0;
            for (Object[] row : em.createQuery("SELECT m.state, COUNT(m) FROM OutboxMessage m GROUP BY m.state", Object[].class).getResultList()) {
                long count = ((Number) row[1]).longValue();
                switch (String.valueOf(row[0])) {
                    case "QUEUED" -> queued = count;
                    case "SENT" -> sent = count;
                    case "FAILED" -> failed = count;
                    default -> {
                    }
                }
            }
            // The attribute itself rather than MIN(): an aggregate would come back unconverted.
            Instant oldest = em.createQuery("SELECT m.queuedAt FROM OutboxMessage m WHERE m.state = :queued ORDER BY m.queuedAt", Instant.class)
                    .setParameter("queued", State.QUEUED.name()).setMaxResults(1).getResultStream().findFirst().orElse(null);
            return new Counts(queued, sent, failed, oldest);
        });
    }

    /**
     * Queues the administration's test message to {@code to}, written in {@code language} (English when
     * none or when there is no text in that language), in a transaction of its own.
     */
    public View queueTest(String to, String language) {
        String address;
        try {
            address = MailChecks.address(to);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("to", "to is not an e-mail address");
        }
        String lang = language == null || language.isBlank() ? "en" : language.strip();
        if (!lang.matches("[a-z]{2}")) {
            throw DomainException.invalid("language", "language is a two-letter ISO 639-1 code, e.g. en");
        }
        String reference = UUID.randomUUID().toString();
        MailTemplates.Rendered rendered = TEMPLATES.render("test", lang, List.of("en"), Map.of("reference", reference, "address", address));
        return queueAlone(Mail.of("platform:test:" + reference, "platform", rendered, address, null));
    }

    /** Queues {@code mail} in a transaction of its own. */
    View queueAlone(Mail mail) {
        return Transactions.inTransaction(factory, em -> {
            if (!queue(em, mail)) {
                throw DomainException.conflict("A message with key " + mail.key() + " is already in the outbox");
            }
            em.flush();
            return View.of(em.createQuery("SELECT m FROM OutboxMessage m WHERE m.key = :key", OutboxMessage.class)
                    .setParameter("key", mail.key()).getSingleResult());
        });
    }
}
