package org.secretariat.platform.api.web;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Cards a bundle adds to the staff app's home page. Register it as an OSGi service from the bundle
 * that holds the cards' scripts under its {@code web/} folder; the cards come and go with the service.
 *
 * @since 1.1
 */
@ConsumerType
public interface DashboardContribution {

    /** The cards, in the order they should appear among this bundle's cards. */
    List<DashboardCard> cards();
}
