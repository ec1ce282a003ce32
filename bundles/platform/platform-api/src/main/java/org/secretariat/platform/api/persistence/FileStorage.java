package org.secretariat.platform.api.persistence;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where modules keep files (uploaded documents, generated reports): a folder per module inside the
 * platform's data folder, so a backup of the data folder holds them and they outlive an uninstall,
 * like the module's tables.
 *
 * @since 1.1
 */
@ProviderType
public interface FileStorage {

    /** The module's folder, {@code <data>/files/<module>}, created if missing. */
    Path folder(String module);
}
