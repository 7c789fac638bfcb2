package io.berth.console.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The console's texts in English (the root bundle, {@code #{msg['key']}} in every page): one bundle for Faces, read
 * from one properties file per console area ({@code shell.properties}, {@code projects.properties}, ...) so that
 * each area keeps its own texts. Files are UTF-8. Keys start with their area's name.
 * <p>
 * Another language is a subclass named after its locale ({@link Messages_zh_CN}) that reads the same areas with the
 * locale's suffix; {@link java.util.ResourceBundle} makes this class its parent, so a key missing in a translation
 * shows in English rather than as {@code ???key???} (and {@code MessagesTest} fails the build on it).
 */
public class Messages extends ResourceBundle {

    /** The console areas, one properties file each (per language). */
    public static final List<String> AREAS = List.of("shell", "account", "search", "projects", "robots", "labels",
            "repositories", "artifacts", "users", "quotas", "configuration", "logs", "jobs");

    private final Map<String, String> texts;

    public Messages() {
        this("");
    }

    protected Messages(String localeSuffix) {
        Map<String, String> all = new HashMap<>();
        for (String area : AREAS) {
            all.putAll(read(area + localeSuffix + ".properties"));
        }
        this.texts = Map.copyOf(all);
    }

    /** The texts of one area file, empty when the file does not exist. */
    static Map<String, String> read(String file) {
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console texts " + file, e);
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    protected Set<String> handleKeySet() {
        return texts.keySet();
    }

    @Override
    public Enumeration<String> getKeys() {
        Set<String> keys = new HashSet<>(texts.keySet());
        if (parent != null) {
            keys.addAll(Collections.list(parent.getKeys()));
        }
        return Collections.enumeration(keys);
    }
}
