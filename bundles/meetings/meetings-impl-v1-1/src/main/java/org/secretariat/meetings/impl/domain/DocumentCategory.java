package org.secretariat.meetings.impl.domain;

/**
 * Categories of meeting documents and the code each puts in the symbol (UN practice: the main series
 * of official documents has none, e.g. CCM/MSP/2011/1; working papers CCM/MSP/2011/WP.1).
 */
public enum DocumentCategory {
    OFFICIAL(""),
    WORKING_PAPER("WP"),
    INFORMATION("INF"),
    CONFERENCE_ROOM_PAPER("CRP"),
    DECISION("DEC"),
    STATEMENT("ST"),
    BACKGROUND("BP");

    public final String code;

    DocumentCategory(String code) {
        this.code = code;
    }
}
