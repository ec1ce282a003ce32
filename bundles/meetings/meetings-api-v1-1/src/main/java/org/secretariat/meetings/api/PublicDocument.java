package org.secretariat.meetings.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** An issued public document of a meeting, in the languages it exists in. */
public final class PublicDocument {

    private final long meetingId;
    private final long documentId;
    private final String symbol;
    private final String title;
    private final String category;
    private final List<String> languages;
    private final LocalDate issuedOn;

    public PublicDocument(long meetingId, long documentId, String symbol, String title, String category, List<String> languages,
            LocalDate issuedOn) {
        this.meetingId = meetingId;
        this.documentId = documentId;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.title = Objects.requireNonNull(title, "title");
        this.category = Objects.requireNonNull(category, "category");
        this.languages = List.copyOf(languages);
        this.issuedOn = issuedOn;
    }

    public long meetingId() {
        return meetingId;
    }

    public long documentId() {
        return documentId;
    }

    /** The official symbol, e.g. {@code CCM/MSP/2011/WP.1}. */
    public String symbol() {
        return symbol;
    }

    public String title() {
        return title;
    }

    /** The category's name, e.g. {@code WORKING_PAPER}. */
    public String category() {
        return category;
    }

    /** ISO 639-1 codes of the language versions. */
    public List<String> languages() {
        return languages;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }
}
