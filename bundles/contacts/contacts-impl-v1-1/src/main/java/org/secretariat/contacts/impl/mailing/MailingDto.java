package org.secretariat.contacts.impl.mailing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.secretariat.contacts.impl.domain.Mailing;
import org.secretariat.contacts.impl.domain.MailingOutcome;

/**
 * A mailing sent: to which group (its name as it was), from which template, with which texts, by whom and
 * when, and how many recipients were queued, skipped or failed; {@code outcomes} counts each outcome (on a
 * single mailing, null in lists), {@code mailService} whether messages could be queued (on a send or retry).
 */
public record MailingDto(Long id, long groupId, String groupName, String template, List<TextDto> texts, String sentBy, Instant sentAt,
        int recipients, int queued, int skipped, int failed, Map<MailingOutcome, Long> outcomes, Boolean mailService, Integer version) {

    static MailingDto of(Mailing mailing, List<TextDto> texts, Map<MailingOutcome, Long> outcomes, Boolean mailService) {
        return new MailingDto(mailing.id, mailing.groupId, mailing.groupName, mailing.template, texts, mailing.sentBy, mailing.sentAt,
                mailing.recipients, mailing.queued, mailing.skipped, mailing.failed, outcomes, mailService, mailing.version);
    }
}
