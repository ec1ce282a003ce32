/**
 * E-mail for every module through the platform's outbox: {@link Mailer} queues a {@link Mail} in the
 * caller's own transaction, so a message exists exactly when the change that causes it was committed,
 * and the platform's sender delivers it afterwards, retrying while the mail server is away.
 * {@link MailTemplates} reads a module's plain-text templates per language.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.platform.api.mail;
