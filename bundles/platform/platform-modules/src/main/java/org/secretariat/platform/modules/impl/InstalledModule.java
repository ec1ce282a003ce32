package org.secretariat.platform.modules.impl;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A module an administrator installed: its version, and the one before the last change. */
@Entity
@Table(name = "MODULES_INSTALLED")
public class InstalledModule {

    @Id
    @Column(name = "MODULE_ID")
    String moduleId;

    @Column(name = "VERSION", nullable = false)
    String version;

    @Column(name = "PREVIOUS_VERSION")
    String previousVersion;

    @Column(name = "INSTALLED_AT", nullable = false)
    Instant installedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;

    @Version
    @Column(name = "ROW_VERSION")
    int rowVersion;
}
