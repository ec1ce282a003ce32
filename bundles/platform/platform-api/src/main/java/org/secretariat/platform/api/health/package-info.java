/**
 * What a part of the platform or a module adds to {@code GET /api/platform/health}: problems only it
 * can see (an operation being recovered, a queue that is stuck), named under a module.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.secretariat.platform.api.health;
