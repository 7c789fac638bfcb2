package io.berth.console.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The console speaks English and Simplified Chinese completely: both languages have the same keys in every area,
 * every key a page asks for exists, and no page carries literal text a user would read.
 */
class MessagesTest {

    static final Path PAGES = Path.of("src/main/webapp");
    /** Words that are the same in every language: the product's name, the languages' own names. */
    static final Set<String> UNTRANSLATED = Set.of("Berth", "English", "简体中文", "·");
    /** Attributes whose value a user reads (or a screen reader speaks). */
    static final Set<String> VISIBLE_ATTRIBUTES = Set.of("value", "headerText", "header", "title", "label", "itemLabel",
            "placeholder", "emptyMessage", "requiredMessage", "validatorMessage", "converterMessage", "ariaLabel",
            "aria-label", "alt", "summary", "footerText", "message", "confirmLabel", "yesButtonLabel", "noButtonLabel");
    static final Pattern KEY_USE = Pattern.compile("msg\\['([A-Za-z0-9_.-]+)'\\]");

    @Test
    void bothLanguagesHaveTheSameKeysInEveryArea() {
        for (String area : Messages.AREAS) {
            Set<String> english = new TreeSet<>(Messages.read(area + ".properties").keySet());
            Set<String> chinese = new TreeSet<>(Messages.read(area + "_zh_CN.properties").keySet());
            assertEquals(english, chinese, area + ": the English and Chinese files must list the same keys");
            english.forEach(key -> assertTrue(key.startsWith(area + "."), key + " must start with its area " + area));
        }
    }

    @Test
    void theBundleIsFoundPerLanguageWithEnglishBehindChinese() {
        ResourceBundle chinese = ResourceBundle.getBundle(Messages.class.getName(), Locale.SIMPLIFIED_CHINESE);
        ResourceBundle english = ResourceBundle.getBundle(Messages.class.getName(), Locale.ENGLISH);
        assertEquals("项目", chinese.getString("projects.list.title"));
        assertEquals("Projects", english.getString("projects.list.title"));
    }

    @Test
    void everyKeyAPageUsesExists() throws IOException {
        Map<String, String> english = new java.util.HashMap<>();
        Messages.AREAS.forEach(area -> english.putAll(Messages.read(area + ".properties")));
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            Matcher keys = KEY_USE.matcher(Files.readString(page));
            while (keys.find()) {
                if (!english.containsKey(keys.group(1))) {
                    missing.add(PAGES.relativize(page) + ": " + keys.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noPageCarriesLiteralText() throws Exception {
        List<String> literal = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path page : pages()) {
            Document document = factory.newDocumentBuilder().parse(page.toFile());
            collect(document.getDocumentElement(), PAGES.relativize(page).toString(), literal);
        }
        assertEquals(List.of(), literal, "put these texts into the message bundles");
    }

    private static void collect(Element element, String page, List<String> literal) {
        if (Set.of("script", "style", "code", "pre").contains(element.getLocalName())) {
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (VISIBLE_ATTRIBUTES.contains(attribute.getLocalName()) && isText(attribute.getNodeValue())) {
                literal.add(page + ": <" + element.getLocalName() + " " + attribute.getLocalName() + "=\""
                        + attribute.getNodeValue() + "\">");
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                collect(e, page, literal);
            } else if (child.getNodeType() == Node.TEXT_NODE && isText(child.getNodeValue())) {
                literal.add(page + ": text \"" + child.getNodeValue().strip() + "\" in <" + element.getLocalName() + ">");
            }
        }
    }

    /** Whether a value outside EL expressions holds a word a user would read (a URL or a path is not one). */
    static boolean isText(String value) {
        String outside = value.replaceAll("#\\{[^}]*}", " ").replaceAll("\\$\\{[^}]*}", " ").strip();
        if (outside.matches("(https?://|/)\\S*")) {
            return false;
        }
        for (String word : UNTRANSLATED) {
            outside = outside.replace(word, " ");
        }
        return outside.codePoints().anyMatch(Character::isLetter);
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            return files.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList();
        }
    }
}
