package org.secretariat.contacts.api;

/**
 * The kind of instrument a state deposited to become a State Party. The codes are those of the UN
 * Treaty Collection's status tables: none for ratification, A acceptance, AA approval, a accession,
 * d succession.
 */
public enum Instrument {
    RATIFICATION(""),
    ACCEPTANCE("A"),
    APPROVAL("AA"),
    ACCESSION("a"),
    SUCCESSION("d");

    private final String treatyCollectionCode;

    Instrument(String treatyCollectionCode) {
        this.treatyCollectionCode = treatyCollectionCode;
    }

    /** The suffix the UN Treaty Collection writes after the deposit date (case matters: A is not a). */
    public String treatyCollectionCode() {
        return treatyCollectionCode;
    }

    /** The instrument of a UN Treaty Collection code, or null if the code is unknown. */
    public static Instrument ofTreatyCollectionCode(String code) {
        String trimmed = code == null ? "" : code.trim();
        for (Instrument instrument : values()) {
            if (instrument.treatyCollectionCode.equals(trimmed)) {
                return instrument;
            }
        }
        return null;
    }
}
