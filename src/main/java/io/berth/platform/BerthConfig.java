package io.berth.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The static settings of one Berth node, read once from MicroProfile Config.
 * <p>
 * Every key has an environment-variable spelling by MicroProfile's mapping rules ({@code berth.data.dir}
 * is {@code BERTH_DATA_DIR}), and an embedded default in {@code META-INF/microprofile-config.properties},
 * so the WAR starts with nothing configured. Runtime settings that administrators change while Berth runs
 * (authentication mode, schedules) are not here: they live in the database.
 */
@ApplicationScoped
public class BerthConfig {

    private static final Logger LOGGER = Logger.getLogger(BerthConfig.class.getName());

    private Path dataDirectory;
    private Optional<URI> externalUrl;
    private String storageDriver;

    @PostConstruct
    void read() {
        Config config = config();
        dataDirectory = dataDirectory(config);
        externalUrl = config.getOptionalValue("berth.external.url", String.class)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
        storageDriver = config.getOptionalValue("berth.storage.driver", String.class).orElse("filesystem");
        LOGGER.log(Level.INFO, "Berth data directory: {0}; storage driver: {1}; external URL: {2}",
                new Object[] {dataDirectory, storageDriver, externalUrl.map(URI::toString).orElse("(from each request)")});
    }

    /** The absolute data directory, created if missing. Relative settings resolve against the JVM's working directory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The base URL clients reach Berth at, when configured; otherwise links are built from each request. */
    public Optional<URI> externalUrl() {
        return externalUrl;
    }

    /** Name of the storage driver for blob bytes ({@code filesystem} or {@code inmemory}). */
    public String storageDriver() {
        return storageDriver;
    }

    /** The MicroProfile Config of this application, also for code that is not a CDI bean (the datasource). */
    static Config config() {
        return ConfigProvider.getConfig(BerthConfig.class.getClassLoader());
    }

    static Path dataDirectory(Config config) {
        Path dir = Path.of(config.getOptionalValue("berth.data.dir", String.class).orElse("data"))
                .toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
        return dir;
    }
}
