package org.secretariat.expertise.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The offers of expertise marked public, as the website lists them. Offers not marked public, experts
 * and requests are never offered here. The expertise module provides it.
 */
@ProviderType
public interface PublicOffers {

    /** The public offers, by theme then provider; only those of {@code theme} when it is not null. */
    List<PublicOffer> offers(String theme);
}
