package org.secretariat.platform.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service by a module to declare its permissions. While the module is installed its
 * permissions appear in the administration of roles; when it goes, so do they (the administrator's
 * changes are kept for its return).
 */
@ConsumerType
public interface PermissionDeclaration {

    /** The module's id, e.g. {@code meetings}. */
    String module();

    List<Permission> permissions();
}
