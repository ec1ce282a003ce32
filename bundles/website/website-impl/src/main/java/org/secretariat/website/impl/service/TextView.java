package org.secretariat.website.impl.service;

import java.time.Instant;

/**
 * A language version as staff see it: {@code status} is {@code DRAFT} (not published), {@code PUBLISHED}
 * (the public sees this working copy) or {@code CHANGED} (published, and the working copy changed since).
 */
public record TextView(String language, String title, String summary, String body, String status, Instant publishedAt,
        String publishedBy, Instant updatedAt, String updatedBy, int version) {
}
