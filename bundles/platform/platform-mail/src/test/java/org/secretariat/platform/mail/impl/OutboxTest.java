package org.secretariat.platform.mail.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.testing.ModuleDatabase;

/** The outbox over a real Derby: queued in the caller's transaction, once per key, claimed by one sender only. */
class OutboxTest {

    private static ModuleDatabase database;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
    private Outbox outbox;

    @BeforeAll
    static void open() {
        database = ModuleDatabase.of("mail", OutboxMessage.class);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void newOutbox() {
        outbox = new Outbox(database.factory(), clock);
    }

    @AfterEach
    void empty() {
        Transactions.inTransaction(database.factory(), em -> em.createNativeQuery("DELETE FROM MAIL_OUTBOX").executeUpdate());
    }

    static Mail mail(String key) {
        return new Mail(key, "meetings", "registration-ack", "fr", "delegate@example.org", "Délégué Exemple", "Accusé de réception",
                "Bonjour,\nvotre inscription est reçue.", null);
    }

    private boolean queue(Mail mail) {
        return Transactions.inTransaction(database.factory(), em -> outbox.queue(em, mail));
    }

    private long rows() {
        return Transactions.read(database.factory(),
                em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM MAIL_OUTBOX").getSingleResult()).longValue());
    }

    @Test
    void aMessageExistsExactlyWhenTheCallersTransactionCommits() {
        assertThrows(IllegalStateException.class, () -> Transactions.inTransaction(database.factory(), em -> {
            outbox.queue(em, mail("meetings:ack:1"));
            throw new IllegalStateException("the module's change fails after queuing");
        }));
        assertEquals(0, rows(), "rolled back with the caller's work");

        assertTrue(queue(mail("meetings:ack:1")));
        assertEquals(1, rows());
        Outbox.View view = outbox.find("meetings:ack:1");
        assertEquals("QUEUED", view.state());
        assertEquals(0, view.attempts());
        assertEquals("Délégué Exemple", view.recipientName());
        assertEquals(clock.instant(), view.queuedAt());
        assertEquals(clock.instant(), view.nextAttemptAt());
        assertEquals(view, outbox.find(Long.toString(view.id())), "found by id too");
    }

    @Test
    void queuingNeedsTheCallersActiveTransaction() {
        EntityManager em = database.factory().createEntityManager();
        try {
            assertThrows(IllegalStateException.class, () -> outbox.queue(em, mail("meetings:ack:2")));
        } finally {
            em.close();
        }
        assertEquals(0, rows());
    }

    @Test
    void aKeySeenBeforeIsNotQueuedAgain() {
        assertTrue(queue(mail("meetings:ack:3")));
        assertFalse(queue(mail("meetings:ack:3")));
        assertFalse((boolean) Transactions.<Boolean>inTransaction(database.factory(), em -> outbox.queue(em, mail("meetings:ack:4")) && outbox.queue(em, mail("meetings:ack:4"))),
                "twice in one transaction");
        assertEquals(2, rows());
    }

    @Test
    void badMessagesAreRefusedAndNothingIsWritten() {
        assertThrows(IllegalArgumentException.class, () -> queue(new Mail("bad key", "meetings", "ack", "fr", "a@example.org", null, "S", "T", null)));
        assertThrows(IllegalArgumentException.class, () -> queue(new Mail("k:1", "meetings", "ack", "fr", "not an address", null, "S", "T", null)));
        assertEquals(0, rows());
    }

    @Test
    void textAndHtmlAndLongBodiesAreKept() {
        String longText = "Ligne de texte accentuée é à ü.\n".repeat(3000);
        assertTrue(queue(new Mail("k:html", "meetings", "notice", "fr", "a@example.org", null, "Sujet", longText, "<p>Bonjour</p>")));
        Outbox.Claimed claimed = outbox.claim(outbox.due(clock.instant(), 10).get(0), Duration.ofMinutes(5)).orElseThrow();
        assertEquals(longText, claimed.mail().text());
        assertEquals("<p>Bonjour</p>", claimed.mail().html());
        assertNull(claimed.mail().toName());
    }

    @Test
    void dueMessagesComeOldestFirstAndOnlyWhenDue() {
        queue(mail("k:first"));
        clock.advance(Duration.ofSeconds(1));
        queue(mail("k:second"));
        List<Outbox.Due> due = outbox.due(clock.instant(), 10);
        assertEquals(2, due.size());
        Outbox.Claimed first = outbox.claim(due.get(0), Duration.ofMinutes(5)).orElseThrow();
        assertEquals("k:first", first.mail().key());
        assertEquals(1, first.attempt());
        assertEquals(List.of("k:second"), outbox.due(clock.instant(), 10).stream().map(d -> outbox.find(Long.toString(d.id())).key()).toList(),
                "a claimed message is not due while its claim lasts");
        outbox.retryAt(first, clock.instant().plus(Duration.ofSeconds(10)), "421 try later");
        clock.advance(Duration.ofSeconds(9));
        assertEquals(1, outbox.due(clock.instant(), 10).size());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, outbox.due(clock.instant(), 10).size());
        assertEquals("421 try later", outbox.find("k:first").lastError());
        assertEquals(1, outbox.find("k:first").attempts());
    }

    @Test
    void ofTwoSendersReadingTheSameMessageOnlyOneClaimsIt() {
        queue(mail("k:contested"));
        Outbox otherNode = new Outbox(database.factory(), clock);
        Outbox.Due seenHere = outbox.due(clock.instant(), 10).get(0);
        Outbox.Due seenThere = otherNode.due(clock.instant(), 10).get(0);
        Optional<Outbox.Claimed> here = outbox.claim(seenHere, Duration.ofMinutes(5));
        Optional<Outbox.Claimed> there = otherNode.claim(seenThere, Duration.ofMinutes(5));
        assertTrue(here.isPresent());
        assertTrue(there.isEmpty());
    }

    @Test
    void underConcurrentSendersEveryMessageIsClaimedExactlyOnce() throws Exception {
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            queue(mail("k:many:" + i));
        }
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> claims = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            Outbox node = new Outbox(database.factory(), clock);
            done.add(senders.submit(() -> {
                go.await();
                for (Outbox.Due due : node.due(clock.instant(), messages)) {
                    node.claim(due, Duration.ofMinutes(5)).ifPresent(c -> {
                        claims.add(c.id());
                        claimed.add(c.id());
                    });
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        senders.shutdown();
        assertEquals(messages, claimed.size(), "every message claimed");
        assertEquals(messages, claims.size(), "none claimed twice");
    }

    @Test
    void aClaimThatRanOutCannotMarkTheMessageAnymore() {
        queue(mail("k:lost"));
        Outbox.Claimed stale = outbox.claim(outbox.due(clock.instant(), 10).get(0), Duration.ofSeconds(30)).orElseThrow();
        clock.advance(Duration.ofSeconds(31));
        Outbox.Claimed fresh = outbox.claim(outbox.due(clock.instant(), 10).get(0), Duration.ofSeconds(30)).orElseThrow();
        assertEquals(2, fresh.attempt(), "the dead sender's attempt counts");
        assertFalse(outbox.sent(stale), "the first sender's claim is gone");
        assertTrue(outbox.sent(fresh));
        Outbox.View sent = outbox.find("k:lost");
        assertEquals("SENT", sent.state());
        assertEquals(clock.instant(), sent.sentAt());
        assertNull(sent.nextAttemptAt());
        assertFalse(outbox.failed(fresh, "late"), "a sent message stays sent");
    }

    @Test
    void onlyAFailedMessageIsRetriedAndItStartsAfresh() {
        queue(mail("k:retry"));
        Outbox.Claimed claimed = outbox.claim(outbox.due(clock.instant(), 10).get(0), Duration.ofMinutes(5)).orElseThrow();
        DomainException queued = assertThrows(DomainException.class, () -> outbox.retry("k:retry"));
        assertEquals(DomainException.Kind.CONFLICT, queued.kind());
        assertTrue(outbox.failed(claimed, "550 5.1.1 mailbox unavailable"));
        Outbox.View failed = outbox.find("k:retry");
        assertEquals("FAILED", failed.state());
        assertEquals("550 5.1.1 mailbox unavailable", failed.lastError());
        assertTrue(outbox.due(clock.instant(), 10).isEmpty());

        clock.advance(Duration.ofHours(2));
        Outbox.View retried = outbox.retry(Long.toString(failed.id()));
        assertEquals("QUEUED", retried.state());
        assertEquals(0, retried.attempts());
        assertEquals(clock.instant(), retried.nextAttemptAt());
        assertEquals(1, outbox.due(clock.instant(), 10).size());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, () -> outbox.retry("k:none")).kind());
    }

    @Test
    void theAdministrationPagesByStateAndCounts() {
        for (int i = 0; i < 5; i++) {
            queue(mail("k:page:" + i));
            clock.advance(Duration.ofSeconds(1));
        }
        List<Outbox.Due> due = outbox.due(clock.instant(), 10);
        outbox.sent(outbox.claim(due.get(0), Duration.ofMinutes(1)).orElseThrow());
        outbox.failed(outbox.claim(due.get(1), Duration.ofMinutes(1)).orElseThrow(), "refused");

        Page<Outbox.View> all = outbox.page(null, PageRequest.parse(null, "2", "queuedAt,desc", Outbox.SORTABLE, "queuedAt"));
        assertEquals(5, all.getTotal());
        assertEquals(List.of("k:page:4", "k:page:3"), all.getItems().stream().map(Outbox.View::key).toList());
        Page<Outbox.View> failed = outbox.page("failed", PageRequest.parse(null, null, null, Outbox.SORTABLE, "queuedAt"));
        assertEquals(List.of("k:page:1"), failed.getItems().stream().map(Outbox.View::key).toList());
        assertEquals("state", assertThrows(DomainException.class,
                () -> outbox.page("LOST", PageRequest.parse(null, null, null, Outbox.SORTABLE, "queuedAt"))).field());

        Outbox.Counts counts = outbox.counts();
        assertEquals(3, counts.queued());
        assertEquals(1, counts.sent());
        assertEquals(1, counts.failed());
        assertEquals(Instant.parse("2026-11-30T09:00:02Z"), counts.oldestQueuedAt());
    }

    @Test
    void theTestMessageIsQueuedInTheLanguageAskedFor() {
        Outbox.View view = outbox.queueTest("admin@example.org", "fr");
        assertTrue(view.key().startsWith("platform:test:"));
        assertEquals("fr", view.language());
        assertTrue(view.subject().startsWith("Secretariat : message d'essai "), view.subject());
        assertEquals("en", outbox.queueTest("admin@example.org", "de").language(), "English when there is no text in that language");
        assertEquals("to", assertThrows(DomainException.class, () -> outbox.queueTest("nobody", "en")).field());
        assertEquals("language", assertThrows(DomainException.class, () -> outbox.queueTest("admin@example.org", "fr-FR-x")).field());
    }
}
