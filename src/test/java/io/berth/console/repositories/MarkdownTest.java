package io.berth.console.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Repository descriptions render as Markdown and never as the author's HTML or script. */
class MarkdownTest {

    @Test
    void emphasisListsAndCodeRender() {
        assertEquals("<p><em>new</em> and <strong>bold</strong> <code>docker pull</code></p>\n",
                Markdown.render("*new* and **bold** `docker pull`"));
        assertTrue(Markdown.render("- one\n- two").contains("<ul>\n<li>one</li>"));
    }

    @Test
    void rawHtmlIsEscapedIntoText() {
        String html = Markdown.render("<script>alert(1)</script>\n\nhello <b>bold</b> <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
    }

    @Test
    void onlyHttpAndHttpsLinksStayLinks() {
        String link = Markdown.render("[docs](https://example.com/x)");
        assertTrue(link.contains(" href=\"https://example.com/x\"") && link.contains(">docs</a>"), link);
        assertTrue(link.contains(" rel=\"nofollow noopener noreferrer\""), link);
        for (String target : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,hi",
                "vbscript:x", "/console/admin/users", "//evil.example/x", "file:///etc/passwd"}) {
            String html = Markdown.render("[click](" + target + ")");
            assertFalse(html.contains("<a"), target + " must not stay a link: " + html);
            assertTrue(html.contains("click"), "the link text stays: " + html);
        }
        assertFalse(Markdown.render("<javascript:alert(1)>").contains("<a"));
        assertTrue(Markdown.render("<https://example.com>").contains(" href=\"https://example.com\""));
    }

    @Test
    void imagesBecomeLinksAndAttributesCannotBeInjected() {
        String image = Markdown.render("![logo](https://example.com/logo.png)");
        assertFalse(image.contains("<img"), image);
        assertTrue(image.contains(" href=\"https://example.com/logo.png\"") && image.contains(">logo</a>"), image);
        assertFalse(Markdown.render("![x](javascript:alert(1))").contains("<a"));
        String quoted = Markdown.render("[x](https://example.com/\"onmouseover=\"alert(1))");
        assertFalse(quoted.contains("\"onmouseover"), quoted);
    }

    @Test
    void nothingRendersNothing() {
        assertEquals("", Markdown.render(null));
        assertEquals("", Markdown.render("  \n"));
    }
}
