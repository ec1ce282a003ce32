package org.secretariat.platform.modules.impl;

import java.time.Instant;
import java.util.List;

/**
 * One repository as the Modules page shows it: where it is, what kind ({@code shipped}, {@code folder},
 * {@code maven}), when it was last read, how many module versions it offers, and what went wrong.
 */
public record RepositoryStatus(String location, String kind, Instant lastFetch, int versions, List<String> problems) {
}
