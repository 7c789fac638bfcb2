package io.berth.console.repositories;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A repository description (written by any Maintainer, read by every visitor) as safe HTML: CommonMark, with
 * every piece of raw HTML the author wrote escaped into visible text, links kept only when they are absolute
 * {@code http}/{@code https} URLs (others become their text: no {@code javascript:}, {@code data:} or relative
 * targets), and images turned into links to them (the console's Content-Security-Policy would not load a foreign
 * image anyway). Links carry {@code rel="nofollow noopener noreferrer"}.
 * <p>
 * The result is the only HTML the console renders unescaped from user input, which is why it has its own unit test
 * ({@code MarkdownTest}) with the usual attacks.
 * <pre>
 * String html = Markdown.render("*new* base image &lt;script&gt;alert(1)&lt;/script&gt;");
 * // &lt;p&gt;&lt;em&gt;new&lt;/em&gt; base image &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&lt;/p&gt;
 * </pre>
 */
public final class Markdown {

    static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(SCHEMES))
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .build();

    private Markdown() {
    }

    /** The description as HTML that is safe to insert into a page; empty for none. */
    public static String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        List<Node> unsafe = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!allowed(link.getDestination())) {
                    unsafe.add(link);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                unsafe.add(image);
                visitChildren(image);
            }
        });
        for (Node node : unsafe) {
            replace(node);
        }
        return RENDERER.render(document);
    }

    /** Unlinks a disallowed link (keeping its text) and turns an image into a link to it, or into its alt text. */
    private static void replace(Node node) {
        if (node instanceof Image image && allowed(image.getDestination())) {
            Link link = new Link(image.getDestination(), image.getTitle());
            moveChildren(image, link);
            if (link.getFirstChild() == null) {
                link.appendChild(new Text(image.getDestination()));
            }
            image.insertBefore(link);
        } else {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
        }
        node.unlink();
    }

    private static void moveChildren(Node from, Node to) {
        Node child = from.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }

    static boolean allowed(String destination) {
        if (destination == null) {
            return false;
        }
        try {
            URI uri = new URI(destination.strip());
            return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
