package org.secretariat.meetings.api;

/**
 * Event Admin topics the meetings module posts once a change is committed, for the website and other
 * modules. Events carry {@link #MEETING_ID} and, for documents, {@link #DOCUMENT_ID} and {@link #SYMBOL}.
 * Together they cover everything {@link MeetingCalendar} answers: a cache of it is invalidated by
 * {@code org/secretariat/meetings/*}.
 */
public final class MeetingEvents {

    /**
     * A meeting was created, changed (dates, status, visibility: made restricted or public...) or
     * deleted, or its agenda, programme or decisions changed; also posted when a document is withdrawn
     * (besides {@link #DOCUMENT_WITHDRAWN}).
     */
    public static final String MEETING_CHANGED = "org/secretariat/meetings/MEETING_CHANGED";

    /** A public document was issued, or a new language version or revision of one was uploaded. */
    public static final String DOCUMENT_PUBLISHED = "org/secretariat/meetings/DOCUMENT_PUBLISHED";

    /**
     * A document was taken off the public side (made non-public); it stays issued.
     *
     * @since 1.2
     */
    public static final String DOCUMENT_WITHDRAWN = "org/secretariat/meetings/DOCUMENT_WITHDRAWN";

    /**
     * A public issued document changed otherwise than by a new file: its title.
     *
     * @since 1.2
     */
    public static final String DOCUMENT_CHANGED = "org/secretariat/meetings/DOCUMENT_CHANGED";

    public static final String MEETING_ID = "meetingId";
    public static final String DOCUMENT_ID = "documentId";
    public static final String SYMBOL = "symbol";

    private MeetingEvents() {
    }
}
