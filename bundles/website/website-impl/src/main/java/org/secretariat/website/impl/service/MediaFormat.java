package org.secretariat.website.impl.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kinds of file staff may put on the website, told by their content: images shown in pages (PNG,
 * JPEG, GIF, WebP) and attachments downloaded from them (PDF, Word, Excel, OpenDocument text, plain text
 * and CSV). SVG is not among them: it is a document that can carry scripts. A file's name never decides
 * its type; it only tells plain text from CSV, which have no signature.
 */
public enum MediaFormat {
    PNG("image/png", true, "png"),
    JPEG("image/jpeg", true, "jpg", "jpeg"),
    GIF("image/gif", true, "gif"),
    WEBP("image/webp", true, "webp"),
    PDF("application/pdf", false, "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false, "xlsx"),
    ODT("application/vnd.oasis.opendocument.text", false, "odt"),
    TXT("text/plain;charset=UTF-8", false, "txt"),
    CSV("text/csv;charset=UTF-8", false, "csv");

    /** What the refusal of any other file says. */
    public static final String ACCEPTED = "images (PNG, JPEG, GIF, WebP) or attachments (PDF, Word .docx, Excel .xlsx, "
            + "OpenDocument text .odt, plain text .txt, .csv); SVG is not accepted";

    private static final int LONGEST_NAME = 100;
    private static final Pattern NOT_SAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    /** Text that a browser could take for a document with scripts (HTML, SVG, XML), whatever it is called. */
    private static final Pattern MARKUP = Pattern.compile("(?is)^\\s*<(\\?xml|!doctype|html|svg|script|head|body|iframe|![-\\[])");

    private final String mediaType;
    private final boolean image;
    private final List<String> extensions;

    MediaFormat(String mediaType, boolean image, String... extensions) {
        this.mediaType = mediaType;
        this.image = image;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** Shown in a page ({@code Content-Disposition: inline}); the others are downloaded. */
    public boolean image() {
        return image;
    }

    /** The extension a file of this kind gets when its name has none of its own. */
    public String extension() {
        return extensions.get(0);
    }

    /** The format stored under this media type, if it is one still accepted. */
    public static Optional<MediaFormat> ofMediaType(String mediaType) {
        for (MediaFormat format : values()) {
            if (format.mediaType.equals(mediaType)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format the file's content shows, or empty when it is none accepted ({@code fileName} tells text from CSV only). */
    public static Optional<MediaFormat> sniff(Path file, String fileName) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (head.length == 0) {
            return Optional.empty();
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (startsWith(head, 0, 'P', 'K', 3, 4)) {
            return office(file);
        }
        String extension = extensionOf(baseName(fileName)).toLowerCase(Locale.ROOT);
        if (!extension.equals("txt") && !extension.equals("csv")) {
            // Text has no signature: only a name that says .txt or .csv makes it an attachment.
            return Optional.empty();
        }
        return isPlainText(file) ? Optional.of(extension.equals("csv") ? CSV : TXT) : Optional.empty();
    }

    private static Optional<MediaFormat> office(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    return ODT.mediaType.equals(new String(in.readNBytes(100), StandardCharsets.US_ASCII).trim()) ? Optional.of(ODT)
                            : Optional.empty();
                }
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null) {
                return Optional.of(DOCX);
            }
            return zip.getEntry("xl/workbook.xml") != null ? Optional.of(XLSX) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** UTF-8 without NUL or other control characters than tab, line ends and form feed, and not markup. */
    static boolean isPlainText(Path file) {
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[8192];
            StringBuilder start = new StringBuilder();
            int read;
            while ((read = reader.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
                        return false;
                    }
                }
                if (start.length() < 200) {
                    start.append(buffer, 0, Math.min(read, 200 - start.length()));
                }
            }
            String beginning = start.length() > 0 && start.charAt(0) == '\uFEFF' ? start.substring(1) : start.toString();
            return !MARKUP.matcher(beginning).find();
        } catch (CharacterCodingException notUtf8) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The name a file is published under ({@code /media/<id>/<name>}): the last segment of what the
     * browser sent, in ASCII letters, digits, {@code .}, {@code _} and {@code -} (accents dropped, anything
     * else a hyphen), at most {@value #LONGEST_NAME} characters, ending in an extension of the format.
     */
    public String cleanName(String sent) {
        String name = Normalizer.normalize(baseName(sent), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        name = NOT_SAFE.matcher(name).replaceAll("-").replaceAll("-{2,}", "-").replaceAll("\\.{2,}", ".");
        String extension = extensionOf(name);
        String stem = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
        if (!extension.isEmpty() && !extensions.contains(extension.toLowerCase(Locale.ROOT)) && !extension.matches("[A-Za-z]{1,5}")) {
            // not an extension ("report.2024"): part of the name
            stem = name;
        }
        stem = stem.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
        if (stem.isEmpty()) {
            stem = "file";
        }
        String kept = extensions.contains(extension.toLowerCase(Locale.ROOT)) ? extension.toLowerCase(Locale.ROOT) : extension();
        int room = LONGEST_NAME - kept.length() - 1;
        if (stem.length() > room) {
            stem = stem.substring(0, room).replaceAll("[._-]+$", "");
        }
        return stem + "." + kept;
    }

    /** The last segment of a name a browser sent, whatever its separators. */
    static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String normalised = name.replace('\\', '/');
        return normalised.substring(normalised.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
