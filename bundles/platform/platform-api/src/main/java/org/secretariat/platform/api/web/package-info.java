/**
 * How a module adds pages to the staff web app at {@code /app}: it registers a
 * {@link WebContribution} service from its own bundle and ships the pages' scripts (ES modules)
 * under the bundle's {@code web/} folder. The shell lists the pages in its navigation while the
 * service is registered; the pages' entries vanish when the module is uninstalled.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.secretariat.platform.api.web;
