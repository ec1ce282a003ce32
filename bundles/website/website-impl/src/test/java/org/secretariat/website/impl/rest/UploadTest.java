package org.secretariat.website.impl.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.website.impl.service.Media;
import org.secretariat.website.impl.service.MediaFormat;

/** A multipart upload as a browser's form sends it, read from the stream. */
class UploadTest {

    private static final String BOUNDARY = "----form7";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;
    private static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path folder;

    private static byte[] form(String field, String fileName, byte[] content) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private Upload read(byte[] body, long max) {
        return Upload.read(TYPE, new ByteArrayInputStream(body), max, folder.resolve("incoming"));
    }

    @Test
    void theFilePartIsReceivedWithItsChecksumAndItsKindFromItsBytes() throws Exception {
        try (Upload upload = read(form("file", "C:\\photos\\pixel.png", GIF), 1024)) {
            Media.Received received = upload.requireMedia();
            assertEquals(MediaFormat.GIF, received.format(), "a GIF called .png is a GIF");
            assertEquals("C:\\photos\\pixel.png", received.sentName());
            assertEquals(GIF.length, received.size());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(GIF)), received.sha256());
            assertArrayEquals(GIF, Files.readAllBytes(received.path()));
            assertEquals("pixel.gif", received.format().cleanName(received.sentName()));
        }
        try (Stream<Path> left = Files.list(folder.resolve("incoming"))) {
            assertEquals(0, left.count(), "the temporary file goes when the upload is closed");
        }
    }

    @Test
    void refusalsNameTheFile() throws Exception {
        ApiException large = assertThrows(ApiException.class, () -> read(form("file", "big.gif", new byte[4096]), 1024));
        assertEquals(413, large.status());
        assertEquals("file", large.field());
        try (Upload upload = read(form("file", "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)), 1024)) {
            ApiException svg = assertThrows(ApiException.class, upload::requireMedia);
            assertEquals(415, svg.status());
            assertEquals("file", svg.field());
        }
        try (Upload upload = read(form("attachment", "a.gif", GIF), 1024)) {
            ApiException none = assertThrows(ApiException.class, upload::requireMedia);
            assertEquals(400, none.status());
            assertEquals("file", none.field());
        }
        try (Upload upload = read(form("file", "a.gif", new byte[0]), 1024)) {
            assertEquals(400, assertThrows(ApiException.class, upload::requireMedia).status());
        }
        ApiException json = assertThrows(ApiException.class, () -> Upload.read("application/json", new ByteArrayInputStream(new byte[0]), 1024, folder));
        assertEquals(415, json.status());
        try (Stream<Path> left = Files.list(folder.resolve("incoming"))) {
            assertFalse(left.findAny().isPresent(), "nothing kept of a refused upload once closed");
        }
    }
}
