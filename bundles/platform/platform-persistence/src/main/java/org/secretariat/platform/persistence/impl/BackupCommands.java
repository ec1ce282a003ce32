package org.secretariat.platform.persistence.impl;

import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Backups;
import org.secretariat.platform.api.security.AuditLog;

/** The Gogo console's {@code platform:backup} (make one now) and {@code platform:backups} (list them). */
@Component(service = BackupCommands.class, property = {
        "osgi.command.scope=platform",
        "osgi.command.function=backup",
        "osgi.command.function=backups"})
public class BackupCommands {

    private final Backups backups;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    @Activate
    public BackupCommands(@Reference Backups backups) {
        this.backups = backups;
    }

    public String backup() {
        try {
            Backups.Backup made = backups.create();
            record("success", made.file());
            return "Backup " + made.file() + ": " + made.size() + " bytes, " + made.entries() + " files, " + made.durationMillis()
                    + " ms, SHA-256 " + made.sha256();
        } catch (DomainException e) {
            record("failure", e.getMessage());
            return "error: " + e.getMessage();
        }
    }

    public String backups() {
        List<Backups.Backup> all = backups.list();
        return all.isEmpty() ? "No backup yet (platform:backup makes one)"
                : all.stream().map(b -> b.file() + "  " + b.size() + " bytes  " + b.createdAt()).collect(Collectors.joining("\n"));
    }

    private void record(String outcome, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.record("console", "platform.backup", "platform/backup", outcome, detail);
        }
    }
}
