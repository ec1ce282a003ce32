package org.secretariat.meetings.impl.domain;

/**
 * The form in which a participant's credentials reached the secretariat, as a credentials committee
 * reports them: the signed original (from the Head of State or Government or the Minister for Foreign
 * Affairs), a copy of it (a scan, a fax; the self-registration form's uploaded letter), or a note
 * verbale from the permanent mission. From the strongest to the weakest.
 */
public enum CredentialsKind {
    ORIGINAL,
    COPY,
    NOTE_VERBALE
}
