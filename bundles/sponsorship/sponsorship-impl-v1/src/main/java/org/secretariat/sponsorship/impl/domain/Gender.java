package org.secretariat.sponsorship.impl.domain;

/** A nominee's gender as the nominating state gives it (optional). */
public enum Gender {
    FEMALE,
    MALE,
    OTHER
}
