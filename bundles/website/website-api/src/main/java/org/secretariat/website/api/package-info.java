/**
 * The website module's published API: {@link WebsiteTheme}, the SPI a theme bundle implements to give
 * the public website its look. The website module ships two themes; a secretariat adds its own as a
 * bundle (or a module) registering one more.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.website.api;
