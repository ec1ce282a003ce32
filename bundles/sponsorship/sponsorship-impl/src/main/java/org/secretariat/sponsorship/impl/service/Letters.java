package org.secretariat.sponsorship.impl.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Application;

/**
 * Nomination letters: PDF files kept once per SHA-256 under {@code <data>/files/sponsorship/letters/}
 * (two applications with the same letter share the file), named on their application; a file goes
 * once no application names it any more (the retention's erasure).
 */
@Component(service = Letters.class)
public class Letters {

    /** Nomination letters: PDF, at most this size. */
    static final long MAX_LETTER = 10L * 1024 * 1024;

    private final EntityManagerFactory factory;
    private final FileStorage files;

    @Activate
    public Letters(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference FileStorage files) {
        this.factory = factory;
        this.files = files;
    }

    /** Stores the nomination letter (PDF) and names it on the application. */
    public Applications.View upload(long programmeId, long id, byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "the nomination letter is empty");
        }
        if (content.length > MAX_LETTER) {
            throw DomainException.invalid("file", "the nomination letter is larger than 10 MB");
        }
        if (content.length < 5 || !new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw DomainException.invalid("file", "the nomination letter is a PDF file");
        }
        String name = Fields.required("fileName", fileName == null ? null : Path.of(fileName).getFileName().toString(), 255);
        String sha256 = sha256(content);
        store(sha256, content);
        return Transactions.inTransaction(factory, em -> {
            Application a = Applications.require(em, programmeId, id);
            Applications.requireNotErased(a);
            a.letterSha256 = sha256;
            a.letterName = name;
            a.letterSize = (long) content.length;
            em.flush();
            return Applications.view(em, a);
        });
    }

    /** The nomination letter's file, if one was uploaded. */
    public Optional<Path> file(long programmeId, long id) {
        String sha256 = Transactions.read(factory, em -> Applications.require(em, programmeId, id).letterSha256);
        return sha256 == null ? Optional.empty() : Optional.of(folder().resolve(sha256 + ".pdf")).filter(Files::isRegularFile);
    }

    /** Deletes the letter's file once no application names it; answers whether a file went. */
    boolean deleteUnused(String sha256) throws IOException {
        long users = Transactions.read(factory, em -> em.createQuery("SELECT COUNT(a) FROM Application a WHERE a.letterSha256 = :sha", Long.class)
                .setParameter("sha", sha256).getSingleResult());
        return users == 0 && Files.deleteIfExists(folder().resolve(sha256 + ".pdf"));
    }

    private Path folder() {
        try {
            return Files.createDirectories(files.folder("sponsorship").resolve("letters"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void store(String sha256, byte[] content) {
        Path target = folder().resolve(sha256 + ".pdf");
        if (Files.isRegularFile(target)) {
            return;
        }
        try {
            Path partial = Files.createTempFile(target.getParent(), sha256, ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
