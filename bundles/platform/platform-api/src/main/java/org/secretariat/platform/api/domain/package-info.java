/**
 * What a module's services say when they refuse something, without knowing about HTTP: a
 * {@link org.secretariat.platform.api.domain.DomainException} of a {@link
 * org.secretariat.platform.api.domain.DomainException.Kind kind}, and {@link
 * org.secretariat.platform.api.domain.Fields} to check submitted values. The REST layer turns each kind
 * into the error contract in one place ({@code {"status":400,"error":"...","field":"..."}}).
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.platform.api.domain;
