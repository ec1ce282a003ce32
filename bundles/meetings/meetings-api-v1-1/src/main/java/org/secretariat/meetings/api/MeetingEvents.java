package org.secretariat.meetings.api;

/**
 * Event Admin topics the meetings module posts, for the website and other modules. Events carry
 * {@link #MEETING_ID} and, for documents, {@link #DOCUMENT_ID} and {@link #SYMBOL}.
 */
public final class MeetingEvents {

    /** A meeting was created or changed (dates, status, visibility...). */
    public static final String MEETING_CHANGED = "org/secretariat/meetings/MEETING_CHANGED";

    /** A public document was issued, or a new language version of one was uploaded. */
    public static final String DOCUMENT_PUBLISHED = "org/secretariat/meetings/DOCUMENT_PUBLISHED";

    public static final String MEETING_ID = "meetingId";
    public static final String DOCUMENT_ID = "documentId";
    public static final String SYMBOL = "symbol";

    private MeetingEvents() {
    }
}
