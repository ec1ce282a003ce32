package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's kind comes from its bytes; its name is made safe for an address. */
class MediaFormatTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    @TempDir
    Path folder;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Optional<MediaFormat> sniff(Path file) {
        return MediaFormat.sniff(file, file.getFileName().toString());
    }

    @Test
    void imagesAreKnownByTheirSignature() throws IOException {
        assertEquals(Optional.of(MediaFormat.PNG), sniff(file("a.png", PNG)));
        assertEquals(Optional.of(MediaFormat.JPEG), sniff(file("a.jpg", JPEG)));
        assertEquals(Optional.of(MediaFormat.GIF), sniff(file("a.gif", "GIF89a\u0001\u0000\u0001\u0000")));
        assertEquals(Optional.of(MediaFormat.GIF), sniff(file("old.gif", "GIF87a\u0001\u0000")));
        assertEquals(Optional.of(MediaFormat.WEBP), sniff(file("a.webp", "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ")));
        assertEquals(Optional.of(MediaFormat.PNG), sniff(file("called-a.jpg", PNG)), "the bytes decide, not the name");
        assertEquals(Optional.of(MediaFormat.JPEG), MediaFormat.sniff(file("noname", JPEG), null));
    }

    @Test
    void attachmentsAreKnownByTheirSignature() throws IOException {
        assertEquals(Optional.of(MediaFormat.PDF), sniff(file("a.pdf", "%PDF-1.7\n%%EOF")));
        assertEquals(Optional.of(MediaFormat.DOCX), sniff(zip("a.docx", "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")));
        assertEquals(Optional.of(MediaFormat.XLSX), sniff(zip("a.xlsx", "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>")));
        assertEquals(Optional.of(MediaFormat.ODT), sniff(zip("a.odt", "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")));
        assertEquals(Optional.of(MediaFormat.TXT), sniff(file("notes.txt", "\uFEFFLine one\r\nLigne deux: été\tok\n")));
        assertEquals(Optional.of(MediaFormat.CSV), sniff(file("states.CSV", "state,status\nNO,party\n")));
    }

    @Test
    void svgAndEverythingElseAreRefusedWhateverTheirName() throws IOException {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"5\"/></svg>";
        assertEquals(Optional.empty(), sniff(file("logo.svg", svg)));
        assertEquals(Optional.empty(), sniff(file("logo.png", svg)), "an SVG called PNG");
        assertEquals(Optional.empty(), sniff(file("logo.txt", svg)), "an SVG called text");
        assertEquals(Optional.empty(), sniff(file("logo.txt", "<?xml version=\"1.0\"?>\n" + svg)));
        assertEquals(Optional.empty(), sniff(file("page.csv", "\n  <!DOCTYPE html><html><script>alert(1)</script>")));
        assertEquals(Optional.empty(), sniff(file("page.txt", "<!-- x --><script>alert(1)</script>")));
        assertEquals(Optional.empty(), sniff(file("page.html", "<p>hello</p>")));
        assertEquals(Optional.empty(), sniff(file("plain.html", "just words")), "text is accepted as .txt or .csv only");
        assertEquals(Optional.empty(), sniff(file("plain", "just words")));
        assertEquals(Optional.empty(), sniff(file("binary.txt", new byte[] {'a', 0, 'b'})));
        assertEquals(Optional.empty(), sniff(file("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9})), "not UTF-8");
        assertEquals(Optional.empty(), sniff(file("escape.txt", "a\u001b[31mred")));
        assertEquals(Optional.empty(), sniff(file("empty.png", new byte[0])));
        assertEquals(Optional.empty(), sniff(file("fake.pdf", "<script>alert(1)</script>")));
        assertEquals(Optional.empty(), sniff(file("program.exe", "MZ\u0090\u0000")));
        assertEquals(Optional.empty(), sniff(zip("archive.docx", "readme.txt", "hello")));
        assertEquals(Optional.empty(), sniff(zip("sheet.odt", "mimetype", "application/vnd.oasis.opendocument.spreadsheet")));
        assertEquals(Optional.empty(), sniff(zip("macro.docx", "[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>")));
        assertEquals(Optional.empty(), sniff(file("broken.docx", "PK\u0003\u0004 not really a zip")));
        assertEquals(Optional.empty(), sniff(file("riff.webp", "RIFF\u0024\u0000\u0000\u0000WAVEfmt ")));
    }

    @Test
    void namesAreCleanedForTheirAddress() {
        assertEquals("Photo-d-ete-2024.jpg", MediaFormat.JPEG.cleanName("C:\\Users\\me\\Photo d'été 2024.JPG"));
        assertEquals("passwd.txt", MediaFormat.TXT.cleanName("../../etc/passwd"));
        assertEquals("script.png", MediaFormat.PNG.cleanName("<script>alert(1)</script>.png"), "what follows the last slash");
        assertEquals("img-src-x-onerror-alert-1.png", MediaFormat.PNG.cleanName("<img src=x onerror=alert(1)>.png"));
        assertEquals("report.png", MediaFormat.PNG.cleanName("report.pdf"), "the extension says what the bytes are");
        assertEquals("photo.png", MediaFormat.PNG.cleanName("photo.exe"));
        assertEquals("photo.jpeg", MediaFormat.JPEG.cleanName("photo.jpeg"));
        assertEquals("report.2024.pdf", MediaFormat.PDF.cleanName("report.2024"));
        assertEquals("file.pdf", MediaFormat.PDF.cleanName(""));
        assertEquals("file.pdf", MediaFormat.PDF.cleanName(null));
        assertEquals("file.pdf", MediaFormat.PDF.cleanName("/"));
        assertEquals("csv.csv", MediaFormat.CSV.cleanName("...csv"), "no hidden files");
        assertEquals("ab.txt", MediaFormat.TXT.cleanName("a\u0000b.txt"));
        assertEquals("a-filename-b.txt", MediaFormat.TXT.cleanName("a\"; filename=b.txt"));
        assertEquals("Annual-report-final.docx", MediaFormat.DOCX.cleanName("Annual report (final)!!.docx"));
        assertEquals("file.png", MediaFormat.PNG.cleanName("写真.png"), "nothing of it left in ASCII");
        String longName = MediaFormat.PDF.cleanName("x".repeat(300) + ".pdf");
        assertEquals(100, longName.length());
        assertEquals(true, longName.endsWith("x.pdf"));
    }
}
