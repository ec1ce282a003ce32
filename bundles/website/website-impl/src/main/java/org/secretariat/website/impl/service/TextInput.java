package org.secretariat.website.impl.service;

/** A language version of a page or news item as staff send it; {@code version} is the one read (none for a new language). */
public record TextInput(String title, String summary, String body, Integer version) {
}
