package org.secretariat.website.impl.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code /robots.txt} and {@code /sitemap.xml}. */
final class SiteFiles {

    static final String ROBOTS = "robots.txt";
    static final String SITEMAP = "sitemap.xml";

    private SiteFiles() {
    }

    /** Everything public may be indexed; the staff app, the API and the console are not for robots. */
    static Answer robots(String origin) {
        String text = "User-agent: *\nDisallow: /app/\nDisallow: /api/\nDisallow: /system/\nAllow: /\n\nSitemap: " + origin + "/" + SITEMAP + "\n";
        return new Answer.Bytes("text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every public address in every language, with the other languages as alternates. */
    static Answer sitemap(String origin, List<String> languages, List<String> paths) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(paths);
        return new Answer.Bytes("application/xml;charset=UTF-8", Xml.write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            xml.writeNamespace("xhtml", "http://www.w3.org/1999/xhtml");
            for (String path : all) {
                for (String language : languages) {
                    xml.writeStartElement("url");
                    Xml.element(xml, "loc", origin + "/" + language + "/" + path);
                    for (String other : languages) {
                        xml.writeEmptyElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                        xml.writeAttribute("rel", "alternate");
                        xml.writeAttribute("hreflang", other);
                        xml.writeAttribute("href", origin + "/" + other + "/" + path);
                    }
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        }));
    }
}
