package org.secretariat.website.impl.domain;

/** What a {@link Text} is the words of. */
public enum TextOwner {
    PAGE,
    NEWS
}
