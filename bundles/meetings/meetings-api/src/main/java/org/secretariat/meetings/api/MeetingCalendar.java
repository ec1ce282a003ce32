package org.secretariat.meetings.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Meetings for other modules: the website lists public meetings, their agendas and their public
 * documents, and serves those documents' files.
 * <p>
 * Nothing of a restricted (non-public) meeting is ever answered, and of a public meeting only its
 * public documents that are issued: a document that is not public, or not issued yet, is as absent as
 * one that does not exist. Listen to {@link MeetingEvents} to learn when any of it changes.
 */
@ProviderType
public interface MeetingCalendar {

    /** Public meetings that end today or later, soonest first, at most {@code limit}. */
    List<MeetingSummary> upcomingPublicMeetings(int limit);

    /** Public meetings of a year, by start date. */
    List<MeetingSummary> publicMeetings(int year);

    /** The issued public documents of a public meeting (none for a restricted one). */
    List<PublicDocument> publicDocuments(long meetingId);

    /**
     * A public meeting; empty for an unknown meeting and for a restricted one.
     *
     * @since 1.2
     */
    Optional<MeetingSummary> publicMeeting(long meetingId);

    /**
     * Every public meeting, past and upcoming, by start date (then by id); no restricted meeting. For a
     * calendar page, an iCalendar feed or a sitemap.
     *
     * @since 1.2
     */
    List<MeetingSummary> allPublicMeetings();

    /**
     * The agenda of a public meeting in its order: each top-level item in number order (2 before 10),
     * followed by its sub-items in number order (2(a) before 2(b)). Empty for an unknown or restricted
     * meeting, and for a meeting without an agenda.
     *
     * @since 1.2
     */
    List<PublicAgendaItem> publicAgenda(long meetingId);

    /**
     * A document, only if it is public, issued, and of a public meeting; empty otherwise (unknown, not
     * public, not issued yet, or of a restricted meeting).
     *
     * @since 1.2
     */
    Optional<PublicDocument> publicDocument(long documentId);

    /**
     * The public issued documents of every public meeting, newest issued first (documents issued on the
     * same day: the last created first), at most {@code limit}; none for a {@code limit} of 0 or less.
     * For feeds (RSS, Atom).
     *
     * @since 1.2
     */
    List<PublicDocument> recentPublicDocuments(int limit);

    /**
     * The public issued documents of public meetings whose title or symbol contains {@code text},
     * ignoring case; {@code %}, {@code _} and {@code \} in the text match themselves (they are not
     * wildcards). Newest issued first, at most {@code limit}; none for a blank text or a {@code limit}
     * of 0 or less.
     *
     * @since 1.2
     */
    List<PublicDocument> searchPublicDocuments(String text, int limit);

    /**
     * The current file (the latest revision) of a language version of a document that is public, issued
     * and of a public meeting, whose {@link PublicDocumentFile#open() bytes} are exactly those uploaded.
     * Empty when the document is not public in that sense, or has no version in that language.
     *
     * @param language an ISO 639-1 code such as {@code en}, in any case
     * @since 1.2
     */
    Optional<PublicDocumentFile> publicDocumentFile(long documentId, String language);
}
