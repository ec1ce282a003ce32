package org.secretariat.expertise.impl.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Experts' CVs: PDF only (checked by the file's first bytes, not by what the sender says), at most
 * {@value #MAX_BYTES} bytes, kept once per SHA-256 under {@code files/expertise/cv/} (as meetings keeps
 * its documents), the profile naming the checksum.
 */
@Component(service = Cvs.class)
public class Cvs {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    /** Why a CV was refused; the REST layer answers 413 or 415. */
    public static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final boolean tooLarge;

        Refusal(boolean tooLarge, String message) {
            super(message);
            this.tooLarge = tooLarge;
        }
    }

    /** A stored CV: its file and the name it was sent with. */
    public record Stored(Path path, String fileName) {
    }

    private final EntityManagerFactory factory;
    private final FileStorage storage;
    private final Retention retention;

    @Activate
    public Cvs(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference FileStorage storage,
            @Reference Retention retention) {
        this.factory = factory;
        this.storage = storage;
        this.retention = retention;
    }

    static Path file(FileStorage storage, String sha256) {
        return Retention.folder(storage).resolve(sha256 + ".pdf");
    }

    /** Stores the CV and names it on the profile; the previous one goes once no profile names it. */
    public Experts.Cv store(long expertId, InputStream body, String fileName) {
        String name = Fields.required("fileName", fileName == null ? "cv.pdf" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_"), 200);
        Path folder = Retention.folder(storage);
        Path temporary;
        String sha256;
        long size;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            size = 0;
            byte[] head = new byte[PDF.length];
            int headLength = 0;
            try (InputStream in = body; var out = Files.newOutputStream(temporary)) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    for (int i = 0; i < read && headLength < head.length; i++) {
                        head[headLength++] = buffer[i];
                    }
                    size += read;
                    if (size > MAX_BYTES) {
                        break;
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            if (size > MAX_BYTES) {
                Files.deleteIfExists(temporary);
                throw new Refusal(true, "a CV is at most " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            if (headLength < PDF.length || !java.util.Arrays.equals(head, PDF)) {
                Files.deleteIfExists(temporary);
                throw new Refusal(false, "a CV is a PDF file (it starts with %PDF-)");
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
            Files.move(temporary, file(storage, sha256), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long stored = size;
        String previous = Transactions.inTransaction(factory, em -> {
            Expert expert = Experts.require(em, expertId);
            String old = expert.cvSha256;
            expert.cvSha256 = sha256;
            expert.cvFilename = name;
            expert.cvSize = stored;
            return old;
        });
        if (previous != null && !previous.equals(sha256)) {
            retention.removeUnusedCv(previous);
        }
        return new Experts.Cv(name, stored);
    }

    /** The expert's CV, or not found. */
    public Stored read(long expertId) {
        return Transactions.read(factory, em -> {
            Expert expert = Experts.require(em, expertId);
            if (expert.cvSha256 == null) {
                throw org.secretariat.platform.api.domain.DomainException.notFound("Expert " + expertId + " has no CV");
            }
            return new Stored(file(storage, expert.cvSha256), expert.cvFilename);
        });
    }
}
