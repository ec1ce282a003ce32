#set( $entityLower = $entity.toLowerCase() )
package ${package}.impl.rest;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The ${moduleId} module's permissions and the roles that hold them until an administrator changes
 * that (Administration, Users). Names are dotted lower-case words starting with the module id: the
 * platform refuses, at install, a module whose {@code @RequiresPermission} names break that rule.
 */
@Component
public class ModulePermissions implements PermissionDeclaration {

    public static final String READ = "${moduleId}.${entityLower}.read";
    public static final String WRITE = "${moduleId}.${entityLower}.write";

    @Override
    public String module() {
        return "${moduleId}";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(READ, "Read ${entity} records", EnumSet.allOf(Role.class)),
                new Permission(WRITE, "Add, change and delete ${entity} records",
                        EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT)));
    }
}
