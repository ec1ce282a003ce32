package org.secretariat.website.impl.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Atom (RFC 4287) and RSS 2.0 documents, written with {@link Xml} (StAX escapes every title and summary,
 * so a stored {@code <script>} stays text). Every address in them is absolute: feed readers fetch them
 * away from the site.
 */
final class Feeds {

    static final String ATOM_TYPE = "application/atom+xml;charset=UTF-8";
    static final String RSS_TYPE = "application/rss+xml;charset=UTF-8";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /**
     * What a feed shows: its own address ({@code self}, also its Atom id), title, the page it follows,
     * the language, who publishes it and the entries with their absolute addresses.
     */
    record Feed(String self, String title, String page, String language, String author, List<Item> items) {
    }

    /** An entry with its absolute address. */
    record Item(String url, FeedSource.Entry entry) {
    }

    private Feeds() {
    }

    static byte[] atom(Feed feed) {
        return Xml.write(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", feed.language());
            Xml.element(xml, "id", feed.self());
            Xml.element(xml, "title", feed.title());
            Xml.element(xml, "updated", atomDate(updated(feed)));
            link(xml, "self", "application/atom+xml", feed.self());
            link(xml, "alternate", "text/html", feed.page());
            xml.writeStartElement("author");
            Xml.element(xml, "name", feed.author());
            xml.writeEndElement();
            for (Item item : feed.items()) {
                FeedSource.Entry entry = item.entry();
                xml.writeStartElement("entry");
                if (entry.language() != null) {
                    xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", entry.language());
                }
                Xml.element(xml, "id", item.url());
                Xml.element(xml, "title", entry.title());
                link(xml, "alternate", "text/html", item.url());
                Xml.element(xml, "updated", atomDate(entry.updated()));
                if (entry.summary() != null && !entry.summary().isBlank()) {
                    Xml.element(xml, "summary", entry.summary());
                }
                if (entry.content() != null && !entry.content().html().isEmpty()) {
                    xml.writeStartElement("content");
                    xml.writeAttribute("type", "html");
                    xml.writeCharacters(entry.content().html());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] rss(Feed feed) {
        return Xml.write(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeStartElement("channel");
            Xml.element(xml, "title", feed.title());
            Xml.element(xml, "link", feed.page());
            Xml.element(xml, "description", feed.title());
            Xml.element(xml, "language", feed.language());
            Xml.element(xml, "lastBuildDate", rssDate(updated(feed)));
            // RSS has no link to itself: Atom's, as feed validators recommend
            xml.writeEmptyElement("atom", "link", ATOM_NS);
            xml.writeAttribute("href", feed.self());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (Item item : feed.items()) {
                FeedSource.Entry entry = item.entry();
                xml.writeStartElement("item");
                Xml.element(xml, "title", entry.title());
                Xml.element(xml, "link", item.url());
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(item.url());
                xml.writeEndElement();
                Xml.element(xml, "pubDate", rssDate(entry.updated()));
                String description = entry.content() != null && !entry.content().html().isEmpty() ? entry.content().html() : entry.summary();
                if (description != null && !description.isBlank()) {
                    Xml.element(xml, "description", description);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /**
     * The newest entry's time; an empty feed says 1970 rather than now, so that its bytes (and ETag) stay
     * the same from one rendering to the next.
     */
    private static Instant updated(Feed feed) {
        return feed.items().stream().map(i -> i.entry().updated()).filter(u -> u != null).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    static String atomDate(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format((instant == null ? Instant.EPOCH : instant).truncatedTo(ChronoUnit.SECONDS));
    }

    static String rssDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format((instant == null ? Instant.EPOCH : instant).atZone(ZoneOffset.UTC));
    }
}
