package org.secretariat.platform.persistence.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.persistence.FileStorage;

/** Module files under {@code <data>/files/<module>} (the launcher's {@code secretariat.data}). */
@Component
public class DataFolderFileStorage implements FileStorage {

    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final Path root;

    @Activate
    public DataFolderFileStorage(BundleContext context) {
        String data = context.getProperty("secretariat.data");
        // Without the launcher (a bare framework), the framework's storage area is the data folder.
        this.root = (data != null ? Path.of(data) : context.getDataFile("").toPath()).resolve("files");
    }

    @Override
    public Path folder(String module) {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("not a module id: " + module);
        }
        try {
            return Files.createDirectories(root.resolve(module));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the file folder of module " + module, e);
        }
    }
}
