/**
 * Mailings to groups (1.1): a message from one of the module's templates, filled with what staff wrote in
 * each language, queued in the platform's outbox per recipient in the transaction that records the mailing,
 * with the consent rules applied and each recipient's outcome kept.
 */
package org.secretariat.contacts.impl.mailing;
