package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.platform.testing.ModuleDatabase;
import org.secretariat.website.impl.domain.Page;
import org.secretariat.website.impl.service.Markdown;
import org.secretariat.website.impl.service.News;
import org.secretariat.website.impl.service.PublicContent;
import org.secretariat.website.impl.service.SiteChanges;
import org.secretariat.website.impl.service.SiteLanguages;
import org.secretariat.website.impl.service.TextInput;
import org.secretariat.website.impl.web.meetings.CcmProfile;
import org.secretariat.website.impl.web.meetings.DocumentFeed;
import org.secretariat.website.impl.web.meetings.InMemoryCalendar;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The news and documents feeds, read back by an XML parser as a feed reader would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsSectionTest {

    private static final String ORIGIN = "https://www.example.org";
    private static final String HOSTILE = "<script>alert(\"x\")</script> & co ]]> \u00e9t\u00e9";

    private ModuleDatabase database;
    private FeedsSection feeds;
    private RenderedCache cache;
    private long hostileId;
    private long englishOnlyId;

    @BeforeAll
    void news() {
        database = ModuleDatabase.of("website", Page.class);
        SiteLanguages languages = new SiteLanguages(new CcmProfile());
        News news = new News(database.factory(), languages, new SiteChanges());
        PublicContent content = new PublicContent(database.factory(), languages, new Markdown());
        hostileId = news.create(new News.Input(LocalDate.of(2026, 5, 2), null), "tester").id();
        for (String language : List.of("en", "fr")) {
            news.writeText(hostileId, language, new TextInput(HOSTILE + " " + language, "Summary " + language, "Body **" + language + "**", null), "tester");
            news.publish(hostileId, language, "tester");
        }
        englishOnlyId = news.create(new News.Input(LocalDate.of(2026, 5, 1), null), "tester").id();
        news.writeText(englishOnlyId, "en", new TextInput("In English only", null, "Text", null), "tester");
        news.publish(englishOnlyId, "en", "tester");
        long draft = news.create(new News.Input(LocalDate.of(2026, 5, 3), null), "tester").id();
        news.writeText(draft, "en", new TextInput("A draft", null, "Not yet", null), "tester");
        cache = new RenderedCache();
        feeds = new FeedsSection(content, new SiteMessages(), new CcmProfile(), cache);
    }

    @AfterAll
    void close() {
        database.close();
    }

    private Answer.Bytes feed(String language, String... segments) {
        return (Answer.Bytes) feeds.answer(new SiteRequest(language, true, List.of(segments), Map.of(), ORIGIN)).orElseThrow();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static String text(Element parent, String namespace, String name) {
        return children(parent, namespace, name).get(0).getTextContent();
    }

    @Test
    void theNewsAtomFeedIsWellFormedWithEscapedTitlesAndAbsoluteAddresses() throws Exception {
        Answer.Bytes answer = feed("en", "news.atom");
        assertEquals("application/atom+xml;charset=UTF-8", answer.contentType());
        assertFalse(new String(answer.body(), StandardCharsets.UTF_8).contains("<script>"), "escaped on the wire");
        Element root = parse(answer.body()).getDocumentElement();
        String atom = Feeds.ATOM_NS;
        assertEquals("feed", root.getLocalName());
        assertEquals(atom, root.getNamespaceURI());
        assertEquals("en", root.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
        assertEquals(ORIGIN + "/en/feeds/news.atom", text(root, atom, "id"));
        assertEquals("CCM – News", text(root, atom, "title"));
        assertEquals("Convention on Cluster Munitions", root.getElementsByTagNameNS(atom, "name").item(0).getTextContent());
        List<Element> entries = children(root, atom, "entry");
        assertEquals(2, entries.size(), "published news only, newest first");
        Element first = entries.get(0);
        assertEquals(HOSTILE + " en", text(first, atom, "title"), "the title read back as written");
        assertEquals(ORIGIN + "/en/news/" + hostileId, text(first, atom, "id"));
        assertEquals(ORIGIN + "/en/news/" + hostileId, children(first, atom, "link").get(0).getAttribute("href"));
        assertEquals("Summary en", text(first, atom, "summary"));
        assertTrue(text(first, atom, "content").contains("<strong>en</strong>"), "the sanitised HTML, as text");
        assertTrue(text(first, atom, "updated").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), text(first, atom, "updated"));
        assertEquals(ORIGIN + "/en/news/" + englishOnlyId, text(entries.get(1), atom, "id"));
    }

    @Test
    void inAnotherLanguageEachNewsItemIsInThatLanguageOrMarkedAsItsFallback() throws Exception {
        Element root = parse(feed("fr", "news.atom").body()).getDocumentElement();
        List<Element> entries = children(root, Feeds.ATOM_NS, "entry");
        assertEquals(HOSTILE + " fr", text(entries.get(0), Feeds.ATOM_NS, "title"));
        assertEquals("", entries.get(0).getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
        assertEquals("In English only", text(entries.get(1), Feeds.ATOM_NS, "title"));
        assertEquals("en", entries.get(1).getAttributeNS(XMLConstants.XML_NS_URI, "lang"), "the fallback says its language");
        assertEquals(ORIGIN + "/fr/news/" + englishOnlyId, text(entries.get(1), Feeds.ATOM_NS, "id"));
        assertEquals("CCM – Actualités", text(root, Feeds.ATOM_NS, "title"));
    }

    @Test
    void theNewsRssFeedIsWellFormedRss2() throws Exception {
        Answer.Bytes answer = feed("en", "news.rss");
        assertEquals("application/rss+xml;charset=UTF-8", answer.contentType());
        Element rss = parse(answer.body()).getDocumentElement();
        assertEquals("rss", rss.getTagName());
        assertEquals("2.0", rss.getAttribute("version"));
        Element channel = children(rss, null, "channel").get(0);
        assertEquals(ORIGIN + "/en/news", text(channel, null, "link"));
        assertEquals("en", text(channel, null, "language"));
        assertEquals(ORIGIN + "/en/feeds/news.rss", children(channel, Feeds.ATOM_NS, "link").get(0).getAttribute("href"));
        List<Element> items = children(channel, null, "item");
        assertEquals(2, items.size());
        assertEquals(HOSTILE + " en", text(items.get(0), null, "title"));
        assertEquals(ORIGIN + "/en/news/" + hostileId, text(items.get(0), null, "guid"));
        ZonedDateTime.parse(text(items.get(0), null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    @Test
    void theDocumentsFeedIsThereOnlyWhileItsSourceIs() throws Exception {
        assertTrue(feeds.answer(new SiteRequest("en", true, List.of("documents.atom"), Map.of(), ORIGIN)).isEmpty(), "without meetings: 404");

        InMemoryCalendar calendar = new InMemoryCalendar(LocalDate.of(2026, 6, 1));
        calendar.meeting(1, "Second Meeting of States Parties", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), true);
        calendar.document(1, 9, "CCM/MSP/2011/WP.1", "Universalization <&> \"all\"", LocalDate.of(2011, 9, 1), true,
                Map.of("en", new byte[] {1}));
        DocumentFeed source = new DocumentFeed(calendar);
        cache.put("key", new RenderedCache.Entry(200, "text/plain", "en", new byte[1], "\"x\"", 0), cache.generation());
        feeds.addSource(source);
        assertEquals(0, cache.size(), "a feed that comes is not missed by what was cached");
        try {
            Element atom = parse(feed("en", "documents.atom").body()).getDocumentElement();
            assertEquals("CCM – Documents", text(atom, Feeds.ATOM_NS, "title"));
            Element entry = children(atom, Feeds.ATOM_NS, "entry").get(0);
            assertEquals("CCM/MSP/2011/WP.1 — Universalization <&> \"all\"", text(entry, Feeds.ATOM_NS, "title"));
            assertEquals(ORIGIN + "/en/meetings/1#document-9", text(entry, Feeds.ATOM_NS, "id"));
            assertEquals("2011-09-01T00:00:00Z", text(entry, Feeds.ATOM_NS, "updated"));
            assertEquals(ORIGIN + "/en/meetings", children(atom, Feeds.ATOM_NS, "link").get(1).getAttribute("href"));
            Element channel = children(parse(feed("es", "documents.rss").body()).getDocumentElement(), null, "channel").get(0);
            assertEquals("CCM/MSP/2011/WP.1 — Universalization <&> \"all\"", text(children(channel, null, "item").get(0), null, "title"));
        } finally {
            feeds.removeSource(source);
        }
        assertTrue(feeds.answer(new SiteRequest("en", true, List.of("documents.atom"), Map.of(), ORIGIN)).isEmpty(), "gone with meetings");
    }

    @Test
    void otherAddressesAreNotFeeds() throws Exception {
        for (List<String> segments : List.of(List.<String>of(), List.of("news"), List.of("news.xml"), List.of("other.atom"),
                List.of("news.atom", "x"), List.of(".atom"))) {
            assertTrue(feeds.answer(new SiteRequest("en", true, segments, Map.of(), ORIGIN)).isEmpty(), segments.toString());
        }
    }

    @Test
    void anEmptyFeedIsStillAValidFeedAndTheSameEachTime() throws Exception {
        Feeds.Feed empty = new Feeds.Feed(ORIGIN + "/en/feeds/x.atom", "Empty", ORIGIN + "/en/", "en", "CCM", List.of());
        Element root = parse(Feeds.atom(empty)).getDocumentElement();
        assertEquals("1970-01-01T00:00:00Z", text(root, Feeds.ATOM_NS, "updated"));
        assertEquals(new String(Feeds.rss(empty), StandardCharsets.UTF_8), new String(Feeds.rss(empty), StandardCharsets.UTF_8));
    }
}
