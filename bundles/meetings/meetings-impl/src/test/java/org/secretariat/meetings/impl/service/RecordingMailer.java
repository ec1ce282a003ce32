package org.secretariat.meetings.impl.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.Mailer;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * A Mailer as the platform's behaves toward a module: it writes each message's key to an outbox table
 * on the caller's connection, in the caller's transaction (which must be active), and refuses a key
 * queued before; {@link #committed()} answers the messages whose row was committed, so a message queued
 * in a transaction that rolled back is not there. The table is the test's own ({@code TEST_OUTBOX}).
 */
public final class RecordingMailer implements Mailer {

    private final EntityManagerFactory factory;
    private final Map<String, Mail> written = new ConcurrentHashMap<>();

    RecordingMailer(EntityManagerFactory factory) {
        this.factory = factory;
        Transactions.inTransaction(factory, em -> em.createNativeQuery("CREATE TABLE TEST_OUTBOX (MAIL_KEY VARCHAR(200) NOT NULL PRIMARY KEY)")
                .executeUpdate());
    }

    @Override
    public boolean queue(EntityManager em, Mail mail) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("queue in the caller's transaction");
        }
        if (!mail.to().contains("@") || mail.to().endsWith(".invalid")) {
            throw new IllegalArgumentException("not an address: " + mail.to());
        }
        Number before = (Number) em.createNativeQuery("SELECT COUNT(*) FROM TEST_OUTBOX WHERE MAIL_KEY = ?").setParameter(1, mail.key())
                .getSingleResult();
        if (before.intValue() > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO TEST_OUTBOX (MAIL_KEY) VALUES (?)").setParameter(1, mail.key()).executeUpdate();
        written.put(mail.key(), mail);
        return true;
    }

    /** The messages committed, in key order. */
    public List<Mail> committed() {
        @SuppressWarnings("unchecked")
        List<Object> keys = Transactions.read(factory, em -> em.createNativeQuery("SELECT MAIL_KEY FROM TEST_OUTBOX ORDER BY MAIL_KEY").getResultList());
        List<Mail> mails = new ArrayList<>();
        for (Object key : keys) {
            Mail mail = written.get((String) key);
            if (mail != null) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** The committed messages whose key starts with {@code prefix}. */
    public List<Mail> committed(String prefix) {
        return committed().stream().filter(m -> m.key().startsWith(prefix)).collect(Collectors.toList());
    }
}
