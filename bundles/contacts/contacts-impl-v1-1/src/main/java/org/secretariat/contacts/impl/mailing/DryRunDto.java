package org.secretariat.contacts.impl.mailing;

import java.util.List;

/**
 * What sending a mailing now would do, without doing it: the group (or why it cannot be evaluated now),
 * whether the platform's mail service is there, the counts of each outcome, the message in each language
 * it would be written in, and a page of the recipients with their outcome, as in the API's lists.
 */
public record DryRunDto(long groupId, String groupName, boolean available, String reason, String note, boolean mailService, int recipients,
        int queued, int skippedNoConsent, int skippedNoAddress, int failed, List<PreviewDto> previews, List<RecipientDto> items, long total,
        int page, int size) {
}
