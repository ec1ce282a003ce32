package org.secretariat.meetings.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secretariat.meetings.impl.service.DocumentFormats;

class UploadTest {

    @TempDir
    Path folder;

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

    @Test
    void theContentDecidesTheType() throws IOException {
        assertEquals(DocumentFormats.PDF, Upload.detect(Files.writeString(folder.resolve("a.pdf"), "%PDF-1.7\n...")));
        assertEquals(DocumentFormats.ODT, Upload.detect(zip("a.odt", "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")));
        assertEquals(DocumentFormats.DOCX, Upload.detect(zip("a.docx", "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")));
        Path doc = folder.resolve("a.doc");
        Files.write(doc, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        assertEquals(DocumentFormats.DOC, Upload.detect(doc));
    }

    @Test
    void otherFilesAreRefusedWhateverTheirName() throws IOException {
        assertNull(Upload.detect(Files.writeString(folder.resolve("fake.pdf"), "<script>alert(1)</script>")));
        assertNull(Upload.detect(zip("spreadsheet.docx", "mimetype", "application/vnd.oasis.opendocument.spreadsheet")));
        assertNull(Upload.detect(zip("archive.docx", "readme.txt", "hello")));
        assertNull(Upload.detect(Files.write(folder.resolve("empty.pdf"), new byte[0])));
    }

    @Test
    void onlyTheLastSegmentOfTheSentNameIsKept() {
        assertEquals("report.pdf", Upload.baseName("C:\\Users\\me\\report.pdf"));
        assertEquals("report.pdf", Upload.baseName("../../etc/report.pdf"));
        assertEquals("", Upload.baseName("/"));
        assertEquals("ab.pdf", Upload.baseName("a\u0000b.pdf"));
        assertEquals("", Upload.baseName(null));
    }
}
