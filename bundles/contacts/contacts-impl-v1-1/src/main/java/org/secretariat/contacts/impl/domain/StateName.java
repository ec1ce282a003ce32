package org.secretariat.contacts.impl.domain;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A state's name in one language, with its normalised form for search. */
@Entity
@Table(name = "CONTACTS_STATE_NAME")
@IdClass(StateName.Key.class)
public class StateName {

    /** The composite key (state, language). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String iso2;
        public String lang;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(iso2, ((Key) other).iso2) && Objects.equals(lang, ((Key) other).lang);
        }

        @Override
        public int hashCode() {
            return Objects.hash(iso2, lang);
        }
    }

    @Id
    @Column(name = "ISO2", length = 2)
    public String iso2;

    @Id
    @Column(name = "LANG", length = 8)
    public String lang;

    @Column(name = "NAME", nullable = false, length = 200)
    public String name;

    @Column(name = "NAME_KEY", nullable = false, length = 200)
    public String nameKey;
}
