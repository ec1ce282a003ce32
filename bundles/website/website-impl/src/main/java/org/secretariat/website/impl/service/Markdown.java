package org.secretariat.website.impl.service;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.osgi.service.component.annotations.Component;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Staff-written Markdown to HTML that is safe to put in a page: commonmark renders it (raw HTML in the
 * Markdown is escaped, not passed through) and the OWASP sanitizer keeps only text formatting, links,
 * lists, tables, headings, quotes, code and images from this site or https. It runs every time a text
 * is shown, so what is stored is never trusted.
 */
@Component(service = Markdown.class)
public class Markdown {

    /** Links and images: this site's paths, https and http, mail; nothing that runs. */
    private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?://|mailto:|/(?!/)|#|[a-z0-9._~-]+(/|$|#|\\?)).*");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6",
                    "table", "thead", "tbody", "tr", "th", "td", "a", "img", "del", "sup", "sub")
            // a top-level heading of a text is the page's own title's level: lower it
            .allowElements((name, attributes) -> "h2", "h1")
            .allowAttributes("href").matching(SAFE_URL).onElements("a")
            .allowAttributes("src").matching(SAFE_URL).onElements("img")
            .allowAttributes("alt", "title").onElements("img", "a")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .allowStandardUrlProtocols()
            .requireRelNofollowOnLinks()
            .toFactory();

    private final Parser parser;
    private final HtmlRenderer renderer;

    public Markdown() {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    }

    /** The Markdown as sanitised HTML; empty for null. */
    public SafeHtml render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return SafeHtml.EMPTY;
        }
        return new SafeHtml(POLICY.sanitize(renderer.render(parser.parse(markdown))));
    }

    /**
     * The Markdown's words without formatting, for search results, feeds' summaries and meta
     * descriptions: link texts without their addresses, images by their description.
     */
    public String plainText(String markdown, int limit) {
        if (markdown == null) {
            return "";
        }
        StringBuilder words = new StringBuilder();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text text) {
                words.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                words.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    // the words of two paragraphs, cells or items do not run together
                    words.append(' ');
                }
            }
        });
        String text = words.toString().replaceAll("\\s+", " ").trim();
        return text.length() <= limit ? text : text.substring(0, Math.max(0, limit - 1)).trim() + "…";
    }
}
