package org.secretariat.meetings.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The current file of one language version of a public document: what a public download serves. Its
 * bytes, read through {@link #open()}, are exactly those uploaded; {@link #sha256()} is their checksum.
 *
 * @since 1.2
 */
public final class PublicDocumentFile {

    /** Where the bytes come from: each call opens a new stream. */
    @ConsumerType
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final long documentId;
    private final String symbol;
    private final String language;
    private final int revision;
    private final String fileName;
    private final String mediaType;
    private final long size;
    private final String sha256;
    private final Instant lastModified;
    private final Content content;

    public PublicDocumentFile(long documentId, String symbol, String language, int revision, String fileName, String mediaType, long size,
            String sha256, Instant lastModified, Content content) {
        this.documentId = documentId;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.language = Objects.requireNonNull(language, "language");
        this.revision = revision;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.size = size;
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.lastModified = lastModified;
        this.content = Objects.requireNonNull(content, "content");
    }

    public long documentId() {
        return documentId;
    }

    /** The document's official symbol, e.g. {@code CCM/MSP/2011/WP.1}. */
    public String symbol() {
        return symbol;
    }

    /** The ISO 639-1 code of the language version, lower case. */
    public String language() {
        return language;
    }

    /** The revision of that language version this file is (1 for the first upload, more for corrections). */
    public int revision() {
        return revision;
    }

    /** The file's name as it was uploaded (or made from the symbol when the upload gave none). */
    public String fileName() {
        return fileName;
    }

    /** The media type, told by the file's content when it was uploaded, e.g. {@code application/pdf}. */
    public String mediaType() {
        return mediaType;
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    /** The SHA-256 of the bytes, 64 lower-case hexadecimal digits, as stored. */
    public String sha256() {
        return sha256;
    }

    /** When this revision was uploaded; null if not known. */
    public Instant lastModified() {
        return lastModified;
    }

    /** A new stream of the file's bytes, which the caller closes. */
    public InputStream open() throws IOException {
        return content.open();
    }

    @Override
    public String toString() {
        return symbol + " " + language + " (revision " + revision + ", " + size + " bytes)";
    }
}
