/**
 * The REST conventions shared by every module: one JAX-RS application under {@code /api},
 * JSON errors, paged lists.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.secretariat.platform.api.rest;
