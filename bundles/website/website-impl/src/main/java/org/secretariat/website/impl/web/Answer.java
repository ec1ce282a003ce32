package org.secretariat.website.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

/**
 * What a section answers: a page rendered from a template and its model, or bytes (a feed, a calendar,
 * a file), or a redirect. Pages and small bytes are cached until the next change event; streamed files
 * are not (they carry their own validator).
 */
public sealed interface Answer {

    /** A page: the template's name (e.g. {@code news.ftlh}) and what it shows; the site's common parts are added. */
    record Rendered(String template, String title, Map<String, Object> model) implements Answer {
    }

    /** Bytes made here, e.g. an Atom feed or the iCalendar file. */
    record Bytes(String contentType, byte[] body) implements Answer {
    }

    /**
     * A stored file, streamed: e.g. a meeting document. {@code etag} is its checksum; {@code inline} files
     * (images) are shown by the browser, the others downloaded.
     */
    record Stream(String contentType, long size, String etag, Instant lastModified, String fileName, boolean inline, StreamSource source)
            implements Answer {

        /** A download. */
        public Stream(String contentType, long size, String etag, Instant lastModified, String fileName, StreamSource source) {
            this(contentType, size, etag, lastModified, fileName, false, source);
        }
    }

    /** A redirect (302) to a path of this site. */
    record Redirect(String path) implements Answer {
    }

    @FunctionalInterface
    interface StreamSource {
        InputStream open() throws IOException;
    }
}
