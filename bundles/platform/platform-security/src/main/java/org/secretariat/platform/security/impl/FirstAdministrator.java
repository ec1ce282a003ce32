package org.secretariat.platform.security.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No account exists with a known password: on the first start the administrator {@code admin} gets
 * {@code SECRETARIAT_ADMIN_PASSWORD}, or a random one-time password shown once on the console and
 * written to {@code <data>/initial-admin-password} (owner-only), which must be changed at first login.
 */
final class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    static final String USERNAME = "admin";
    static final String PASSWORD_PROPERTY = "secretariat.admin.password";
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    private final Accounts accounts;
    private final AuditService audit;

    FirstAdministrator(Accounts accounts, AuditService audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Creates {@code admin} when there is no account at all, with {@code givenPassword} or a one-time one. */
    void createIfNone(String givenPassword, String dataFolder) {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = givenPassword == null || givenPassword.isEmpty();
        String password = generated ? new Secrets(new SecureRandom()).password(20) : givenPassword;
        if (!generated) {
            accounts.checkPolicy("SECRETARIAT_ADMIN_PASSWORD", password, USERNAME);
        }
        if (!accounts.createFirstAdministrator(USERNAME, password, generated)) {
            return;
        }
        audit.record(null, "security.user.create", "user/" + USERNAME, "success",
                generated ? "first administrator, one-time password" : "first administrator, password from SECRETARIAT_ADMIN_PASSWORD");
        if (generated) {
            reveal(password, Path.of(dataFolder == null ? "data" : dataFolder).resolve(INITIAL_PASSWORD_FILE));
        } else {
            LOG.info("First administrator 'admin' created with the password from SECRETARIAT_ADMIN_PASSWORD");
        }
    }

    private static void reveal(String password, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Could not write " + file + ": " + e.getMessage());
        }
        // Straight to the console, not to the log files: the password must not be kept in logs.
        System.out.println();
        System.out.println("  First start: administrator 'admin', one-time password: " + password);
        System.out.println("  (also in " + file + ", readable by this user only). Change it at first login.");
        System.out.println();
        System.out.flush();
    }
}
