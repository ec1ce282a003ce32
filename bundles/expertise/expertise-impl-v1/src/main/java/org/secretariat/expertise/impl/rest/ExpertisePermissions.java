package org.secretariat.expertise.impl.rest;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The expertise module's permissions. Staff (and administrators, as in the other modules) keep the
 * resource base, offers and requests; contracts, which commit money and open accounts, are the
 * Director's and the Specialist's (the Specialist handles expertise and consultants). Consultants see
 * nothing of the module by default: their account is for the work of their contract.
 */
@Component
public class ExpertisePermissions implements PermissionDeclaration {

    public static final String READ = "expertise.read";
    public static final String WRITE = "expertise.write";
    public static final String CONTRACT_READ = "expertise.contract.read";
    public static final String CONTRACT_WRITE = "expertise.contract.write";

    @Override
    public String module() {
        return "expertise";
    }

    @Override
    public List<Permission> permissions() {
        EnumSet<Role> staff = EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT);
        EnumSet<Role> contracts = EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST);
        return List.of(
                new Permission(READ, "See experts (with their CVs), offers, requests with their candidates, and the annual statistics", staff),
                new Permission(WRITE, "Keep experts, offers and requests, move requests through their workflow, send experts their profile link",
                        staff),
                new Permission(CONTRACT_READ, "See consultants' contracts and the deliverables due", contracts),
                new Permission(CONTRACT_WRITE, "Make consultants' contracts (with their accounts) and accept deliverables", contracts));
    }
}
