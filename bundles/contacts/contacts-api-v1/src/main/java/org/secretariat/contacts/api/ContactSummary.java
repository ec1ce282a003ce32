package org.secretariat.contacts.api;

import java.util.Objects;

/** An organisation or a person, as other modules refer to them (by id) and show them (by name). */
public final class ContactSummary {

    /** What the id refers to. */
    public enum Kind {
        ORGANISATION,
        PERSON
    }

    private final Kind kind;
    private final long id;
    private final String name;
    private final String email;
    private final String stateIso2;

    public ContactSummary(Kind kind, long id, String name, String email, String stateIso2) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.email = email;
        this.stateIso2 = stateIso2;
    }

    public Kind kind() {
        return kind;
    }

    public long id() {
        return id;
    }

    /** Display name: an organisation's name, or a person's given and family name. */
    public String name() {
        return name;
    }

    /** E-mail address, only where the person consented to be contacted; otherwise null. */
    public String email() {
        return email;
    }

    /** The state an organisation belongs to (a ministry) or a person represents, or null. */
    public String stateIso2() {
        return stateIso2;
    }

    @Override
    public String toString() {
        return kind + " " + id + " " + name;
    }
}
