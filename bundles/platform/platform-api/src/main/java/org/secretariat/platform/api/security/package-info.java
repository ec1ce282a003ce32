/**
 * Who may do what: roles, module permissions, the authenticated user, and the audit log.
 * Every JAX-RS resource method is denied unless it carries {@code @PermitAll},
 * {@code @RolesAllowed} or {@link RequiresPermission}; one platform filter enforces it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.secretariat.platform.api.security;
