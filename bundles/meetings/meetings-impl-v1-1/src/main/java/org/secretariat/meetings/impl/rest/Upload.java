package org.secretariat.meetings.impl.rest;

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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;
import org.secretariat.meetings.impl.service.DocumentFormats;
import org.secretariat.meetings.impl.service.Documents;
import org.secretariat.platform.api.persistence.StorageFailures;
import org.secretariat.platform.api.rest.ApiException;

/**
 * A multipart upload read as a stream (commons-fileupload over the JAX-RS entity stream, which the
 * REST runtime may already have taken from the servlet request): the text fields, and the one file part
 * written to a temporary file while its SHA-256 is computed and its size is held to the limit. The
 * file's type is taken from its content, not from what the browser says: PDF, Word (.docx, and the
 * old .doc) and OpenDocument text are accepted.
 */
final class Upload implements AutoCloseable {

    private static final int MAX_FIELD_CHARS = 2000;

    final Map<String, String> fields = new HashMap<>();
    private Path file;
    private String fileName;
    private String contentType;
    private long size;
    private String sha256;

    private Upload() {
    }

    /** Reads the request; a file over {@code maxBytes} is a 413 naming {@code file}, nothing is kept. */
    static Upload read(String contentType, InputStream body, long maxBytes, Path tempFolder) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "send multipart/form-data with the parts file, title, category and language", "file");
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
                    if (part.isFormField()) {
                        byte[] value = in.readNBytes(MAX_FIELD_CHARS * 4 + 1);
                        if (value.length > MAX_FIELD_CHARS * 4) {
                            throw ApiException.badRequest(part.getFieldName(), part.getFieldName() + " is too long");
                        }
                        upload.fields.put(part.getFieldName(), new String(value, StandardCharsets.UTF_8));
                    } else if ("file".equals(part.getFieldName()) && upload.file == null) {
                        upload.receive(in, part.getName(), tempFolder);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (FileUploadBase.FileSizeLimitExceededException | FileUploadBase.SizeLimitExceededException e) {
            upload.close();
            throw new ApiException(413, "the file is larger than the limit of " + maxBytes / (1024 * 1024) + " MB", "file");
        } catch (FileUploadException | IOException e) {
            upload.close();
            // While streaming, the limit surfaces as an IOException wrapping the size exception.
            if (e.getCause() instanceof FileUploadBase.FileSizeLimitExceededException || e.getCause() instanceof FileUploadBase.SizeLimitExceededException) {
                throw new ApiException(413, "the file is larger than the limit of " + maxBytes / (1024 * 1024) + " MB", "file");
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
        fileName = baseName(name);
    }

    /** The last segment of the name the browser sent, without control characters; the file is stored by checksum, never by this name. */
    static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String normalised = name.replace('\\', '/');
        String base = normalised.substring(normalised.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    /** The file part; 400 naming {@code file} if there was none, 415 if it is not a document type accepted. */
    void requireDocument() {
        if (file == null || size == 0) {
            throw ApiException.badRequest("file", "file is required: the document (PDF, Word or OpenDocument text)");
        }
        contentType = detect(file);
        if (contentType == null) {
            throw new ApiException(415, "the file is not a PDF, Word (.docx, .doc) or OpenDocument text (.odt) document", "file");
        }
    }

    /** The type the content shows, or null. */
    static String detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            return null;
        }
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return DocumentFormats.PDF;
        }
        if (startsWith(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
            return DocumentFormats.DOC;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry mimetype = zip.getEntry("mimetype");
                if (mimetype != null) {
                    try (InputStream in = zip.getInputStream(mimetype)) {
                        return DocumentFormats.ODT.equals(new String(in.readNBytes(100), StandardCharsets.US_ASCII).trim()) ? DocumentFormats.ODT : null;
                    }
                }
                return zip.getEntry("word/document.xml") != null && zip.getEntry("[Content_Types].xml") != null ? DocumentFormats.DOCX : null;
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file part, as the documents service takes it. */
    Documents.ReceivedFile received() {
        return new Documents.ReceivedFile(file, fileName, contentType, size, sha256);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Only a temporary file under <data>/files/meetings/incoming is left behind; nothing refers to it.
            }
        }
    }
}
