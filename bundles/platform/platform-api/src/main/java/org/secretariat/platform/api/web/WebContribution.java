package org.secretariat.platform.api.web;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Pages a bundle adds to the staff web app. Register it as an OSGi service from the bundle that
 * holds the pages' files: the shell serves that bundle's {@code web/} folder at
 * {@code /app/modules/<bundle symbolic name>/} to logged-in staff and imports each page's
 * {@link WebPage#script() script} from there.
 */
@ConsumerType
public interface WebContribution {

    /** The pages, in the order they should appear within their section. */
    List<WebPage> pages();
}
