package org.secretariat.platform.security.impl;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.security.Accounts;
import org.secretariat.platform.api.security.Role;

/**
 * platform-api's {@link Accounts} for modules (a consultant's account for the length of a contract): the
 * same accounts, rules and password policy as the administration's, without administrators. Each call is
 * audited under the actor the module names, never with the password.
 */
@Component(service = Accounts.class)
public class ModuleAccounts implements Accounts {

    private final org.secretariat.platform.security.impl.Accounts accounts;
    private final AuditService audit;
    private final Secrets secrets = new Secrets(new SecureRandom());

    @Activate
    public ModuleAccounts(@Reference org.secretariat.platform.security.impl.Accounts accounts, @Reference AuditService audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public Created create(String username, String displayName, Set<Role> roles, LocalDate accessEndDate, String actor) {
        Created created = accounts.createForModule(username, displayName, roles, accessEndDate, secrets.password(20));
        audit.record(actor, "security.user.create", "user/" + created.account().username(), "success",
                "roles " + created.account().roles() + ", access until " + created.account().accessEndDate());
        return created;
    }

    @Override
    public Optional<Account> find(String username) {
        return accounts.findAccount(username);
    }

    @Override
    public Account setAccessEnd(String username, LocalDate accessEndDate, String actor) {
        Account account = accounts.setAccessEnd(username, accessEndDate);
        audit.record(actor, "security.user.access-end", "user/" + username, "success", "access until " + accessEndDate);
        return account;
    }

    @Override
    public Account disable(String username, String actor) {
        Account account = accounts.disable(username);
        audit.record(actor, "security.user.lock", "user/" + username, "success", "locked by a module");
        return account;
    }
}
