package org.secretariat.meetings.impl.registration.web;

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
import java.util.Locale;
import java.util.Map;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;
import org.secretariat.meetings.impl.registration.RegistrationForm;

/**
 * The registration form's {@code multipart/form-data} body read as a stream: at most {@value #MAX_FIELDS}
 * text fields of at most {@value #MAX_FIELD_CHARS} characters, and the one file part {@code letter}
 * written to a temporary file while its SHA-256 is computed and its size held to the limit; whether it is
 * a PDF is told by its first bytes ({@code %PDF-}), not by its name or the type the browser says.
 */
final class FormUpload implements AutoCloseable {

    static final int MAX_FIELDS = 100;
    static final int MAX_FIELD_CHARS = 2000;
    /** What the form's text adds to the letter at most: the whole request's limit is the letter's and this. */
    static final long TEXT_ALLOWANCE = 256 * 1024;

    /** The body is over a limit: the letter, or the request as a whole. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The body is not a form this page sends. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    final Map<String, String> fields = new HashMap<>();
    private Path file;
    private String fileName;
    private long size;
    private String sha256;

    private FormUpload() {
    }

    static long maxRequestBytes() {
        return RegistrationForm.MAX_LETTER_BYTES + TEXT_ALLOWANCE;
    }

    static FormUpload read(String contentType, InputStream body, Path tempFolder) throws TooLarge, Unreadable, IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new Unreadable("not multipart/form-data");
        }
        FileUpload parser = new FileUpload();
        parser.setFileSizeMax(RegistrationForm.MAX_LETTER_BYTES);
        parser.setSizeMax(maxRequestBytes());
        FormUpload upload = new FormUpload();
        try {
            FileItemIterator parts = parser.getItemIterator(new Context(contentType, body));
            int count = 0;
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                if (++count > MAX_FIELDS) {
                    throw new Unreadable("too many parts");
                }
                try (InputStream in = part.openStream()) {
                    if (part.isFormField()) {
                        byte[] value = in.readNBytes(MAX_FIELD_CHARS * 4 + 1);
                        String text = new String(value, StandardCharsets.UTF_8);
                        if (value.length > MAX_FIELD_CHARS * 4 || text.length() > MAX_FIELD_CHARS) {
                            throw new Unreadable(part.getFieldName() + " is too long");
                        }
                        upload.fields.putIfAbsent(part.getFieldName(), text);
                    } else if ("letter".equals(part.getFieldName()) && upload.file == null) {
                        upload.receive(in, part.getName(), tempFolder);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (FileUploadBase.FileSizeLimitExceededException | FileUploadBase.SizeLimitExceededException e) {
            upload.close();
            throw new TooLarge();
        } catch (FileUploadException | IOException e) {
            upload.close();
            // While streaming, a limit surfaces as an IOException wrapping the size exception.
            if (e.getCause() instanceof FileUploadBase.FileSizeLimitExceededException || e.getCause() instanceof FileUploadBase.SizeLimitExceededException) {
                throw new TooLarge();
            }
            if (e instanceof FileUploadException) {
                throw new Unreadable(e.getMessage());
            }
            throw (IOException) e;
        } catch (Unreadable | RuntimeException e) {
            upload.close();
            throw e;
        }
        return upload;
    }

    private void receive(InputStream in, String name, Path tempFolder) throws IOException {
        Files.createDirectories(tempFolder);
        file = Files.createTempFile(tempFolder, "letter-", ".part");
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
        String base = name == null ? "" : name.replace('\\', '/');
        fileName = base.substring(base.lastIndexOf('/') + 1);
    }

    /** The letter as the form's rules take it, or null when none was sent (an empty file part is none). */
    RegistrationForm.Letter letter() throws IOException {
        if (file == null || size == 0) {
            return null;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(5);
        }
        boolean pdf = new String(head, StandardCharsets.ISO_8859_1).equals("%PDF-");
        return new RegistrationForm.Letter(file, fileName, size, sha256, pdf);
    }

    String field(String name) {
        return fields.get(name);
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

    /** The request's body as commons-fileupload reads one. */
    private static final class Context implements UploadContext {
        private final String contentType;
        private final InputStream body;

        Context(String contentType, InputStream body) {
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
}
