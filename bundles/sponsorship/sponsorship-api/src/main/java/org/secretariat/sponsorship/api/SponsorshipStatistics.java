package org.secretariat.sponsorship.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Anonymised statistics of sponsorship, per meeting: how many delegates were sponsored, from how many
 * states, and the share of women among them. No name, no state, no amount: what the public website may
 * show.
 */
@ProviderType
public interface SponsorshipStatistics {

    /**
     * A meeting's figures: the delegates whose award was accepted (withdrawn and declined ones left
     * out; a no-show still counts as sponsored), the states they came from, and the share of women among
     * those whose gender is known, from 0 to 1 with two decimals (null when no gender is known).
     */
    record MeetingFigures(long meetingId, String meetingTitle, LocalDate startDate, LocalDate endDate, int sponsoredDelegates, int states,
            BigDecimal shareOfWomen) {
    }

    /** Every meeting with a sponsorship programme whose selection the Director approved, latest first. */
    List<MeetingFigures> meetings();
}
