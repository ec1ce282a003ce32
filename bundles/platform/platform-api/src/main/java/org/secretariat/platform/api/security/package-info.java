/**
 * Who may do what: roles, module permissions, the authenticated user, and the audit log.
 * Every JAX-RS resource method is denied unless it carries {@code @PermitAll},
 * {@code @RolesAllowed} or {@link RequiresPermission}; one platform filter enforces it. Since 1.2,
 * {@link Accounts}: the accounts a module makes, such as a consultant's for the length of a contract.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.secretariat.platform.api.security;
