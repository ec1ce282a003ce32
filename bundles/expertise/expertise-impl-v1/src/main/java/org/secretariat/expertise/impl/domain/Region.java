package org.secretariat.expertise.impl.domain;

/**
 * The regions experts work in and requests come from: the continents of the UN geoscheme, so that each
 * State is in exactly one (the Middle East is in ASIA, North Africa in AFRICA).
 */
public enum Region {
    AFRICA,
    AMERICAS,
    ASIA,
    EUROPE,
    OCEANIA
}
