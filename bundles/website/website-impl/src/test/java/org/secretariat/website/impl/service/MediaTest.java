package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.website.impl.service.TestModule.assertRefused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.rest.PageRequest;

/** Images and attachments: kept once per content, public only while a published text links to them. */
@ExtendWith(TestModule.Shared.class)
class MediaTest {

    private final TestModule module;
    private final Media media;

    MediaTest(TestModule module) {
        this.module = module;
        this.media = module.media;
    }

    /** An upload as the resource hands it over: received in the incoming folder, its checksum computed. */
    private Media.View upload(String sentName, MediaFormat format, byte[] content) throws IOException, NoSuchAlgorithmException {
        Path received = Files.write(Files.createTempFile(Files.createDirectories(media.incomingFolder()), "upload-", ".part"), content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return media.create(new Media.Received(received, sentName, format, content.length, sha256), "assistant");
    }

    private static byte[] png(String marker) {
        byte[] png = Arrays.copyOf(MediaFormatTest.PNG, MediaFormatTest.PNG.length + marker.length());
        System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, png, MediaFormatTest.PNG.length, marker.length());
        return png;
    }

    @Test
    void aFileIsKeptOncePerContentUnderItsChecksum() throws Exception {
        byte[] content = png("kept-once");
        Media.View first = upload("Mine clearance.png", MediaFormat.PNG, content);
        Media.View second = upload("copy.png", MediaFormat.PNG, content);
        assertEquals("Mine-clearance.png", first.fileName());
        assertEquals("image/png", first.mediaType());
        assertTrue(first.image());
        assertEquals(content.length, first.size());
        assertEquals(TestModule.NOW, first.uploadedAt());
        assertEquals("assistant", first.uploadedBy());
        assertEquals("/media/" + first.id() + "/Mine-clearance.png", first.url());
        assertEquals("![Mine-clearance.png](/media/" + first.id() + "/Mine-clearance.png)", first.markdown());
        assertEquals(first.sha256(), second.sha256());
        Path stored = module.files.resolve("website").resolve("media").resolve(first.sha256().substring(0, 2)).resolve(first.sha256());
        assertArrayEquals(content, Files.readAllBytes(stored));
        assertEquals(stored, media.content(second.id()).path(), "one copy for both");
        try (var incoming = Files.list(media.incomingFolder())) {
            assertEquals(1, incoming.count(), "the second upload is left for the resource to throw away");
        }

        Media.View pdf = upload("Annual report 2024.PDF", MediaFormat.PDF, "%PDF-1.7 kept".getBytes(StandardCharsets.US_ASCII));
        assertEquals("[Annual-report-2024.pdf](/media/" + pdf.id() + "/Annual-report-2024.pdf)", pdf.markdown(), "an attachment is linked");
        assertFalse(pdf.image());

        media.delete(second.id(), second.version());
        assertTrue(Files.exists(stored), "the other file still has these bytes");
        media.delete(first.id(), first.version());
        assertFalse(Files.exists(stored), "nobody has them any more");
        assertRefused(Kind.NOT_FOUND, null, "Media " + first.id() + " does not exist", () -> media.get(first.id()));
    }

    @Test
    void aFileIsPublicOnlyWhileAPublishedTextLinksToIt() throws Exception {
        Media.View photo = upload("photo.jpg", MediaFormat.JPEG, MediaFormatTest.JPEG);
        long id = photo.id();
        assertTrue(media.published(id, "photo.jpg").isEmpty(), "uploaded, linked from nowhere");

        Pages.View page = module.pages.create(new Pages.Input(null, "media-page", null, null, null), "assistant");
        TextView draft = module.pages.writeText(page.id(), "en", TestModule.text("Photos", "![Clearance](" + photo.url() + ")"), "assistant");
        assertTrue(media.published(id, "photo.jpg").isEmpty(), "linked from a draft only");

        module.pages.publish(page.id(), "en", "specialist");
        Media.PublicFile file = media.published(id, "photo.jpg").orElseThrow();
        assertEquals("image/jpeg", file.mediaType());
        assertTrue(file.image());
        assertEquals(photo.sha256(), file.sha256());
        assertArrayEquals(MediaFormatTest.JPEG, Files.readAllBytes(file.path()));
        assertTrue(media.published(id, "other-name.jpg").isEmpty(), "under its own name only");
        assertTrue(module.content.page("media-page", "en").orElseThrow().text().body().html().contains("<img src=\"" + photo.url() + "\""),
                "the sanitizer keeps the image");

        module.pages.unpublish(page.id(), "en");
        assertTrue(media.published(id, "photo.jpg").isEmpty(), "unpublished: private again");
        module.pages.writeText(page.id(), "en", new TextInput("Photos", null, "No photo", module.pages.draft(page.id(), "en").version()), "assistant");
        assertTrue(draft.version() >= 0);
    }

    @Test
    void aFileLinkedFromAnyTextIsNotDeleted() throws Exception {
        Media.View report = upload("report.pdf", MediaFormat.PDF, "%PDF-1.7 linked".getBytes(StandardCharsets.US_ASCII));
        News.View item = module.news.create(new News.Input(LocalDate.of(1994, 4, 4), null), "assistant");
        TextView text = module.news.writeText(item.id(), "fr", TestModule.text("Rapport", "[Le rapport](" + report.url() + ")"), "assistant");
        assertRefused(Kind.CONFLICT, null, "Media " + report.id() + " (report.pdf) is linked from news item " + item.id()
                + " (fr): remove it from these texts first", () -> media.delete(report.id(), report.version()));

        assertEquals(1, text.version(), "a new text's version as the answer gives it");
        TextView published = module.news.publish(item.id(), "fr", "specialist");
        TextView changed = module.news.writeText(item.id(), "fr", new TextInput("Rapport", null, "Plus de lien", published.version()), "assistant");
        assertEquals("CHANGED", changed.status());
        assertTrue(media.published(report.id(), "report.pdf").isPresent(), "the published copy still links to it");
        assertRefused(Kind.CONFLICT, null, () -> media.delete(report.id(), report.version()));

        module.news.publish(item.id(), "fr", "specialist");
        assertTrue(media.published(report.id(), "report.pdf").isEmpty());
        assertRefused(Kind.CONFLICT, null, "Media " + report.id() + " was changed by someone else (now version " + report.version()
                + "); reload and try again", () -> media.delete(report.id(), report.version() + 1));
        media.delete(report.id(), report.version());
        assertRefused(Kind.NOT_FOUND, null, () -> media.get(report.id()));
    }

    @Test
    void aLinkNamesOneFileNotThoseWhoseNumberStartsAlike() throws Exception {
        Media.View one = upload("one.gif", MediaFormat.GIF, "GIF89a one".getBytes(StandardCharsets.US_ASCII));
        Pages.View page = module.pages.create(new Pages.Input(null, "media-prefix", null, null, null), "assistant");
        // a link to /media/<id>0/ names another file than /media/<id>/
        module.pages.writeText(page.id(), "en", TestModule.text("Prefix", "![x](/media/" + one.id() + "0/x.gif)"), "assistant");
        module.pages.publish(page.id(), "en", "specialist");
        assertTrue(media.published(one.id(), "one.gif").isEmpty());
        media.delete(one.id(), one.version());
    }

    @Test
    void theListIsPagedNewestFirst() throws Exception {
        List<Long> uploaded = List.of(upload("list-a.txt", MediaFormat.TXT, "a".getBytes(StandardCharsets.US_ASCII)).id(),
                upload("list-b.txt", MediaFormat.TXT, "b".getBytes(StandardCharsets.US_ASCII)).id(),
                upload("list-c.csv", MediaFormat.CSV, "c,d".getBytes(StandardCharsets.US_ASCII)).id());
        var newest = media.list(PageRequest.parse("0", "2", "uploadedAt,desc", Media.SORTABLE, "uploadedAt"));
        assertEquals(List.of(uploaded.get(2), uploaded.get(1)), newest.getItems().stream().map(Media.View::id).collect(Collectors.toList()));
        assertTrue(newest.getTotal() >= 3);
        var byName = media.list(PageRequest.parse("0", "500", "fileName", Media.SORTABLE, "uploadedAt"));
        List<String> names = byName.getItems().stream().map(Media.View::fileName).filter(n -> n.startsWith("list-")).collect(Collectors.toList());
        assertEquals(List.of("list-a.txt", "list-b.txt", "list-c.csv"), names);
        assertEquals("text/csv;charset=UTF-8", media.get(uploaded.get(2)).mediaType());
    }

    @Test
    void nothingIsKeptWithoutAFile() {
        assertRefused(Kind.INVALID, "file", () -> media.create(null, "assistant"));
        assertRefused(Kind.INVALID, "file", () -> media.create(new Media.Received(module.files, "x.png", MediaFormat.PNG, 0, "00"), "assistant"));
        assertEquals(TestModule.MAX_UPLOAD, media.maxUploadBytes());
        assertEquals(module.files.resolve("website").resolve("incoming"), media.incomingFolder());
    }
}
