package org.secretariat.platform.api.health;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that adds problems to the health report. Health is DOWN (503) while any contributor
 * names a problem; administrators see each under its module. Called on every health request: answer
 * quickly, from what is known, without waiting.
 */
@ConsumerType
public interface HealthContributor {

    /** The module id under which problems of the platform itself are reported. */
    String PLATFORM = "platform";

    /**
     * The location prefix of the bundles the module manager installs: {@code secretariat:module:<module id>:<symbolic
     * name>}. Health names such a bundle under its module even when the bundle does not say which
     * (a library-only module of plain third-party bundles).
     *
     * @since 1.1
     */
    String MODULE_LOCATION_PREFIX = "secretariat:module:";

    /** @return problems found now, by module id; empty when there are none */
    Map<String, List<String>> problems();
}
