package org.secretariat.sponsorship.impl.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.secretariat.platform.api.rest.ApiException;

/** Request bodies that are files: a CSV file as text, a PDF as bytes, each of a bounded size (413 beyond). */
final class Uploads {

    static final int MAX_CSV = 2 * 1024 * 1024;
    static final int MAX_PDF = 10 * 1024 * 1024;

    private Uploads() {
    }

    static byte[] bytes(InputStream stream, int maxBytes, String what) {
        try {
            byte[] body = stream == null ? new byte[0] : stream.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new ApiException(413, what + " is at most " + (maxBytes / 1024 / 1024) + " MB", "file");
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("file", "the file could not be read");
        }
    }

    /** UTF-8 text without a byte order mark. */
    static String text(InputStream stream, String what) {
        return new String(bytes(stream, MAX_CSV, what), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }
}
