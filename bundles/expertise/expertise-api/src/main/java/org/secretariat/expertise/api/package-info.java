/**
 * The expertise module's published API: {@link PublicOffers}, the offers of expertise that States and
 * organisations made public ({@link PublicOffer}), for the website.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.expertise.api;
