package org.secretariat.platform.api.mail;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's outbox. A module queues a message with the {@link EntityManager} of the transaction
 * that makes the change the message tells of: the message is written to the outbox on that same
 * connection, so it exists if and only if the change is committed — never lost when the platform is
 * killed after the commit, never sent for a change rolled back. The platform's sender delivers queued
 * messages after the commit, retrying with back-off while the mail server cannot be reached, and records
 * each outcome in the audit log (recipient, template, outcome; never the body).
 */
@ProviderType
public interface Mailer {

    /**
     * Queues the message in the caller's transaction (which must be active on {@code em}).
     *
     * @return false when a message with the same key was queued before (it is not queued again)
     * @throws IllegalArgumentException when the key or the address is not acceptable
     */
    boolean queue(EntityManager em, Mail mail);
}
