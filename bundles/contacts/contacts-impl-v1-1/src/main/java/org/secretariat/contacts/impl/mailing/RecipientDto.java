package org.secretariat.contacts.impl.mailing;

import org.secretariat.contacts.impl.domain.MailingOutcome;
import org.secretariat.contacts.impl.domain.MailingRecipient;

/** One recipient of a mailing (or of its dry run): who, the address and language written in, and what became of them (or would). */
public record RecipientDto(long personId, String name, String email, String language, MailingOutcome outcome, String reason) {

    static RecipientDto of(MailingRecipient recipient) {
        return new RecipientDto(recipient.personId, recipient.name, recipient.email, recipient.language, recipient.outcome, recipient.reason);
    }
}
