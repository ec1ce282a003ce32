package org.secretariat.sponsorship.impl.rest;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The sponsorship module's permissions. The Specialist and the Assistant run the programmes (funds,
 * receipts, DSA rates, programmes, applications, decisions, adjustments, attendance, reports); the
 * Director also approves the selection, which commits the money; administrators see and prepare but do
 * not approve, and may run the erasure of personal data past their retention at once; consultants see
 * nothing (the applications hold personal data).
 */
@Component
public class SponsorshipPermissions implements PermissionDeclaration {

    public static final String READ = "sponsorship.read";
    public static final String WRITE = "sponsorship.write";
    public static final String APPROVE = "sponsorship.approve";
    public static final String RETENTION = "sponsorship.retention";

    @Override
    public String module() {
        return "sponsorship";
    }

    @Override
    public List<Permission> permissions() {
        EnumSet<Role> staff = EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT);
        return List.of(
                new Permission(READ, "See funds, programmes, applications, the selection proposal and the donor reports", staff),
                new Permission(WRITE, "Record funds and receipts, import DSA rates, set up programmes, take applications and decide on them, record attendance",
                        staff),
                new Permission(APPROVE, "Approve a programme's selection, committing the amounts (the Director)", EnumSet.of(Role.DIRECTOR)),
                new Permission(RETENTION, "Erase now the personal data of applications past their retention date (administrators; a daily job does it too)",
                        EnumSet.of(Role.ADMINISTRATOR)));
    }
}
