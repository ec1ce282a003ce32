package org.secretariat.website.impl.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;
import org.secretariat.platform.api.persistence.StorageFailures;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.website.impl.service.Media;
import org.secretariat.website.impl.service.MediaFormat;

/**
 * A multipart upload read as a stream, as the meetings module reads documents (commons-fileupload over
 * the JAX-RS entity stream): the one {@code file} part is written to a temporary file while its SHA-256
 * is computed and its size held to the limit; other parts are skipped. Its type is then told by its
 * content ({@link MediaFormat}), not by what the browser says.
 */
final class Upload implements AutoCloseable {

    private Path file;
    private String sentName;
    private long size;
    private String sha256;

    private Upload() {
    }

    /** Reads the request; a file over {@code maxBytes} is a 413 naming {@code file}, nothing is kept. */
    static Upload read(String contentType, InputStream body, long maxBytes, Path tempFolder) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "send multipart/form-data with the part file", "file");
        }
        FileUpload parser = new FileUpload();
        parser.setFileSizeMax(maxBytes);
        parser.setSizeMax(maxBytes + 64 * 1024);
        Upload upload = new Upload();
        try {
            FileItemIterator parts = parser.getItemIterator(new EntityContext(contentType, body));
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                try (InputStream in = part.openStream()) {
                    if (!part.isFormField() && "file".equals(part.getFieldName()) && upload.file == null) {
                        upload.receive(in, part.getName(), tempFolder);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (FileUploadBase.FileSizeLimitExceededException | FileUploadBase.SizeLimitExceededException e) {
            upload.close();
            throw tooLarge(maxBytes);
        } catch (FileUploadException | IOException e) {
            upload.close();
            // While streaming, the limit surfaces as an IOException wrapping the size exception.
            if (e.getCause() instanceof FileUploadBase.FileSizeLimitExceededException || e.getCause() instanceof FileUploadBase.SizeLimitExceededException) {
                throw tooLarge(maxBytes);
            }
            if (StorageFailures.causeOf(e) != null) {
                // The server could not store the upload (a full disk): not the client's fault, answered as such.
                throw new java.io.UncheckedIOException(new IOException(e.getMessage(), e));
            }
            throw ApiException.badRequest("file", "the upload could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        return upload;
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "the file is larger than the limit of " + maxBytes / (1024 * 1024) + " MB", "file");
    }

    /** The entity stream as commons-fileupload reads a request. */
    private static final class EntityContext implements UploadContext {
        private final String contentType;
        private final InputStream body;

        EntityContext(String contentType, InputStream body) {
            this.contentType = contentType;
            this.body = body;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        @Deprecated
        public int getContentLength() {
            return -1;
        }

        @Override
        public long contentLength() {
            return -1;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }
    }

    private void receive(InputStream in, String name, Path tempFolder) throws IOException {
        Files.createDirectories(tempFolder);
        file = Files.createTempFile(tempFolder, "upload-", ".part");
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            size = Files.copy(digesting, file, StandardCopyOption.REPLACE_EXISTING);
        }
        sha256 = HexFormat.of().formatHex(digest.digest());
        sentName = name == null ? "" : name;
    }

    /** The file part, its type told by its content: 400 naming {@code file} if there was none, 415 if it is no type accepted. */
    Media.Received requireMedia() {
        if (file == null || size == 0) {
            throw ApiException.badRequest("file", "file is required: " + MediaFormat.ACCEPTED);
        }
        MediaFormat format = MediaFormat.sniff(file, sentName)
                .orElseThrow(() -> new ApiException(415, "the file is not one of the kinds accepted: " + MediaFormat.ACCEPTED, "file"));
        return new Media.Received(file, sentName, format, size, sha256);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Only a temporary file under <data>/files/website/incoming is left behind; nothing refers to it.
            }
        }
    }
}
