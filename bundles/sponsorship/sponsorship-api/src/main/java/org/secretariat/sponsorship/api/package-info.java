/**
 * The sponsorship module as other modules see it: {@link SponsorshipStatistics}, anonymised figures of
 * the delegates sponsored to each meeting, which the website may publish.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.sponsorship.api;
