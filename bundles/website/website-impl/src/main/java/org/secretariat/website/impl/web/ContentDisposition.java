package org.secretariat.website.impl.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition} for a download or a file shown inline: an ASCII name for old clients and the exact one (RFC 6266/5987). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String attachment(String fileName) {
        return "attachment; " + names(fileName);
    }

    /** Shown in the browser (an image), with the name it has if saved. */
    static String inline(String fileName) {
        return "inline; " + names(fileName);
    }

    private static String names(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
