package io.berth.registry.control;

import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.ManifestParser;
import io.berth.registry.entity.MediaTypes;
import io.berth.registry.entity.ParsedManifest;
import io.berth.registry.entity.RegistryException;
import io.berth.storage.spi.StorageDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Harbor's {@code extra_attrs} of an image: {@code architecture}, {@code os}, {@code created}, {@code author}
 * and {@code config} from its config blob.
 * <p>
 * They are read from the store when an artifact is shown rather than copied into a column at push time: the
 * push path stays as it is (no extra read of the config per manifest PUT), artifacts pushed before this existed
 * need no backfill, and both the manifest and the config are content-addressed, so {@link ManifestCache} keeps
 * them correct on every node without invalidation. A page of 100 images costs at most 200 small reads, once.
 * <p>
 * The same reads give an artifact's page its layers, build history and index children ({@link #manifest},
 * {@link #config}): what the manifest and the config say, never stored twice.
 */
@ApplicationScoped
public class ImageConfigs {

    /** Configs larger than this are not read for a listing (real ones are a few KiB). */
    static final long MAX_CONFIG_BYTES = 1024 * 1024;
    private static final Logger LOGGER = Logger.getLogger(ImageConfigs.class.getName());

    @Inject
    StorageDriver storage;

    @Inject
    ManifestCache cache;

    /** The extra attributes of an image manifest; empty for indexes, non-image artifacts and unreadable content. */
    public Optional<JsonObject> extraAttributes(Artifact artifact) {
        if (!MediaTypes.isImageManifest(artifact.manifestMediaType()) || !MediaTypes.isImageConfig(artifact.mediaType())) {
            return Optional.empty();
        }
        try {
            JsonObject manifest = read(artifact.digest());
            JsonObject descriptor = manifest.getJsonObject("config");
            if (descriptor == null || descriptor.getJsonNumber("size") == null
                    || descriptor.getJsonNumber("size").longValue() > MAX_CONFIG_BYTES) {
                return Optional.empty();
            }
            JsonObject config = read(Digest.parse(descriptor.getString("digest")));
            JsonObjectBuilder attrs = Json.createObjectBuilder();
            for (String key : new String[] {"architecture", "os", "created", "author", "config"}) {
                JsonValue value = config.get(key);
                if (value != null && value != JsonValue.NULL) {
                    attrs.add(key, value);
                }
            }
            return Optional.of(attrs.build());
        } catch (IOException | JsonException | ClassCastException | IllegalArgumentException e) {
            LOGGER.log(Level.FINE, "No extra attributes for {0}: {1}", new Object[] {artifact.digest(), e.toString()});
            return Optional.empty();
        }
    }

    /**
     * The artifact's manifest as the registry reads it (config, layers, index children, platforms); empty when the
     * stored bytes are missing or unreadable. The bytes come through {@link ManifestCache}.
     */
    public Optional<ParsedManifest> manifest(Artifact artifact) {
        try {
            return Optional.of(ManifestParser.parse(artifact.manifestMediaType(), bytes(artifact.digest())));
        } catch (IOException | RegistryException e) {
            LOGGER.log(Level.FINE, "Manifest {0} not readable: {1}", new Object[] {artifact.digest(), e.toString()});
            return Optional.empty();
        }
    }

    /** The config blob {@code digest} of {@code size} bytes, as JSON; empty if it is too large, missing or not JSON. */
    public Optional<JsonObject> config(Digest digest, long size) {
        if (size > MAX_CONFIG_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(digest));
        } catch (IOException | JsonException | ClassCastException e) {
            LOGGER.log(Level.FINE, "Config {0} not readable: {1}", new Object[] {digest, e.toString()});
            return Optional.empty();
        }
    }

    private JsonObject read(Digest digest) throws IOException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes(digest)))) {
            return reader.readObject();
        }
    }

    private byte[] bytes(Digest digest) throws IOException {
        byte[] bytes;
        try {
            bytes = cache.get(digest, () -> {
                try {
                    return storage.getContent(BlobPaths.blob(digest));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return bytes;
    }
}
