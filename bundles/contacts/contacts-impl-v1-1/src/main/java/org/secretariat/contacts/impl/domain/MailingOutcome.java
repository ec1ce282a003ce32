package org.secretariat.contacts.impl.domain;

/** What became of one recipient of a mailing. */
public enum MailingOutcome {
    /** Written to the platform's outbox, which sends it. */
    QUEUED,
    /** Not sent: the person did not consent to be contacted. */
    SKIPPED_NO_CONSENT,
    /** Not sent: the person has no e-mail address. */
    SKIPPED_NO_ADDRESS,
    /** Not sent, for the reason recorded (no mail service, an address the outbox refused, a template that could not be filled). */
    FAILED
}
