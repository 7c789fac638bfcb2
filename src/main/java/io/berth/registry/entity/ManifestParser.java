package io.berth.registry.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates a pushed manifest and reads what the registry needs from it into a {@link ParsedManifest}.
 * <p>
 * Accepted are the OCI image manifest and image index (image-spec 1.1, including artifacts with
 * {@code artifactType}, the empty config and {@code subject}) and Docker's schema 2 manifest and manifest
 * list. Docker schema 1 is refused with a detail saying so. Every failure is a {@link RegistryException}
 * with {@link OciErrorCode#MANIFEST_INVALID}, except a malformed descriptor digest, which is
 * {@link OciErrorCode#DIGEST_INVALID} as in distribution.
 * <p>
 * The rules, and why:
 * <ul>
 * <li>The body is one JSON object in UTF-8. Duplicate keys are refused: the registry and every client must
 * read the same layers out of the same bytes, and parsers disagree on which duplicate wins.</li>
 * <li>{@code schemaVersion} is the number 2.</li>
 * <li>The manifest type is the {@code Content-Type} of the request when that is a manifest type, otherwise
 * the body's {@code mediaType}. When both are present they must agree; with neither, the registry cannot
 * tell how clients will read the manifest. Docker types must carry {@code mediaType} in the body, which
 * their specification makes mandatory and distribution enforces.</li>
 * <li>An image manifest has a {@code config} descriptor and a {@code layers} array (empty is allowed, for
 * artifacts) and no {@code manifests}; an index has {@code manifests} and neither {@code config} nor
 * {@code layers}. A document with both shapes could be read as either by different clients
 * (CVE-2021-41190), so it is refused whatever its declared type.</li>
 * <li>Each descriptor has a media type of RFC 6838 form, a digest of a supported algorithm and a
 * non-negative integral size; annotations are string to string.</li>
 * </ul>
 * Whether the referenced blobs and manifests exist is for the caller to check, with
 * {@link ParsedManifest#blobReferences()} and {@link ParsedManifest#manifestReferences()}.
 * <p>
 * The size limit is the caller's too: read at most {@link #MAX_MANIFEST_BYTES} of the request body and
 * answer {@link RegistryException#manifestTooLarge} beyond it. The parser holds the whole document in
 * memory and assumes that bound.
 */
public final class ManifestParser {

    /**
     * The manifest size Berth accepts: 4 MiB, the minimum the specification asks registries to support and
     * distribution's limit.
     */
    public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    /** RFC 6838 section 4.2 {@code type-name "/" subtype-name}, each a restricted-name of 1 to 127 chars. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

    private static final BigInteger TWO = BigInteger.valueOf(2);

    private ManifestParser() {
    }

    /**
     * Validates and reads a manifest.
     *
     * @param contentType the request's {@code Content-Type}, parameters allowed; may be null
     * @param body        the manifest bytes, at most {@link #MAX_MANIFEST_BYTES}
     * @throws RegistryException {@link OciErrorCode#MANIFEST_INVALID} or {@link OciErrorCode#DIGEST_INVALID}
     *                           if the manifest is not acceptable; the detail says why
     */
    public static ParsedManifest parse(String contentType, byte[] body) {
        String headerType = MediaTypes.normalize(contentType);
        if (MediaTypes.isSchema1(headerType)) {
            throw schema1();
        }
        if (body == null || body.length == 0) {
            throw invalid("manifest body is empty");
        }
        JsonObject root = read(body);

        JsonValue version = root.get("schemaVersion");
        if (version == null || version.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid("schemaVersion is missing");
        }
        if (!(version instanceof JsonNumber number) || !number.isIntegral()) {
            throw invalid("schemaVersion must be the number 2");
        }
        if (number.bigIntegerValue().equals(BigInteger.ONE)) {
            throw schema1();
        }
        if (!number.bigIntegerValue().equals(TWO)) {
            throw invalid("unsupported schemaVersion " + number + "; only 2 is supported");
        }

        String mediaType = effectiveMediaType(headerType, optionalString(root, "mediaType", "mediaType"));
        Map<String, String> annotations = annotations(root.get("annotations"), "annotations");
        Descriptor subject = optionalDescriptor(root.get("subject"), "subject");
        String declaredArtifactType = optionalMediaType(root, "artifactType", "artifactType");

        if (MediaTypes.isIndex(mediaType)) {
            if (root.containsKey("config") || root.containsKey("layers")) {
                throw invalid("an index must not have config or layers: the document would read as an image manifest");
            }
            JsonArray children = requiredArray(root, "manifests", "manifests");
            List<Descriptor> manifests = new ArrayList<>(children.size());
            for (int i = 0; i < children.size(); i++) {
                manifests.add(descriptor(children.get(i), "manifests[" + i + "]"));
            }
            return new ParsedManifest(mediaType, declaredArtifactType, null, List.of(), manifests, subject, annotations);
        }

        if (root.containsKey("manifests")) {
            throw invalid("an image manifest must not have manifests: the document would read as an index");
        }
        if (!root.containsKey("config") || root.isNull("config")) {
            throw invalid("config is missing; an image manifest needs a config descriptor");
        }
        Descriptor config = descriptor(root.get("config"), "config");
        JsonArray layerArray = requiredArray(root, "layers", "layers");
        List<Descriptor> layers = new ArrayList<>(layerArray.size());
        for (int i = 0; i < layerArray.size(); i++) {
            layers.add(descriptor(layerArray.get(i), "layers[" + i + "]"));
        }
        // OCI 1.1 referrers rule: without artifactType, a non-image config's media type is the artifact type.
        String artifactType = declaredArtifactType != null ? declaredArtifactType
                : MediaTypes.isImageConfig(config.mediaType()) ? null : config.mediaType();
        return new ParsedManifest(mediaType, artifactType, config, layers, List.of(), subject, annotations);
    }

    private static JsonObject read(byte[] body) {
        JsonValue value;
        // Explicit UTF-8: JSON exchanged between systems must be UTF-8 (RFC 8259), and auto-detecting
        // UTF-16/32 would accept documents Go clients cannot read.
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for syntax, IllegalStateException for a duplicate key (KeyStrategy.NONE), and a
            // plain RuntimeException from Parsson for nesting beyond its depth limit: all bad input.
            throw invalid("manifest is not valid JSON: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid("manifest must be a JSON object, got " + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        requireNothingAfter(body);
        return object;
    }

    /**
     * JsonReader stops after the first value, so {@code {...} {...}} would pass; Go clients reject trailing
     * content, and a registry must not store a manifest its clients cannot read. A streaming pass finds it.
     */
    private static void requireNothingAfter(byte[] body) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            parser.next();
            parser.skipObject();
            if (parser.hasNext()) {
                throw new JsonException("content after the JSON object");
            }
        } catch (RuntimeException e) {
            throw invalid("manifest is not valid JSON: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
    }

    private static String effectiveMediaType(String headerType, String bodyType) {
        String normalizedBody = MediaTypes.normalize(bodyType);
        if (MediaTypes.isSchema1(normalizedBody)) {
            throw schema1();
        }
        String type;
        if (MediaTypes.isManifest(headerType)) {
            if (normalizedBody != null && !normalizedBody.equals(headerType)) {
                throw invalid("Content-Type " + headerType + " does not match the manifest's mediaType "
                        + RegistryException.quote(bodyType));
            }
            type = headerType;
        } else if (normalizedBody != null) {
            if (!MediaTypes.isManifest(normalizedBody)) {
                throw invalid("unsupported manifest mediaType " + RegistryException.quote(bodyType)
                        + "; supported are OCI image manifest and index, Docker schema 2 manifest and manifest list");
            }
            type = normalizedBody;
        } else {
            throw invalid(headerType == null
                    ? "the request has no Content-Type and the manifest no mediaType; one of them must name the manifest type"
                    : "Content-Type " + RegistryException.quote(headerType)
                            + " is not a manifest type and the manifest has no mediaType");
        }
        if ((type.equals(MediaTypes.DOCKER_MANIFEST) || type.equals(MediaTypes.DOCKER_MANIFEST_LIST))
                && normalizedBody == null) {
            throw invalid("a Docker schema 2 manifest must declare its mediaType " + type);
        }
        return type;
    }

    private static Descriptor optionalDescriptor(JsonValue value, String where) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : descriptor(value, where);
    }

    private static Descriptor descriptor(JsonValue value, String where) {
        if (!(value instanceof JsonObject object)) {
            throw invalid(where + " must be a descriptor object");
        }
        String mediaType = optionalMediaType(object, "mediaType", where + ".mediaType");
        if (mediaType == null) {
            throw invalid(where + ".mediaType is missing");
        }
        String digestText = optionalString(object, "digest", where + ".digest");
        if (digestText == null) {
            throw invalid(where + ".digest is missing");
        }
        Digest digest;
        try {
            digest = Digest.parse(digestText);
        } catch (RegistryException e) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID, where + ".digest: " + e.detail());
        }
        JsonValue sizeValue = object.get("size");
        if (sizeValue == null || sizeValue.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid(where + ".size is missing");
        }
        long size;
        try {
            if (!(sizeValue instanceof JsonNumber number) || !number.isIntegral()) {
                throw new ArithmeticException();
            }
            size = number.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(where + ".size must be a whole number of bytes");
        }
        if (size < 0) {
            throw invalid(where + ".size must not be negative");
        }
        String artifactType = optionalMediaType(object, "artifactType", where + ".artifactType");
        Map<String, String> annotations = annotations(object.get("annotations"), where + ".annotations");
        List<String> urls = stringList(object.get("urls"), where + ".urls");
        Platform platform = platform(object.get("platform"), where + ".platform");
        return new Descriptor(mediaType, digest, size, artifactType, annotations, platform, urls);
    }

    private static Platform platform(JsonValue value, String where) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid(where + " must be an object");
        }
        String architecture = optionalString(object, "architecture", where + ".architecture");
        String os = optionalString(object, "os", where + ".os");
        if (architecture == null || architecture.isEmpty() || os == null || os.isEmpty()) {
            throw invalid(where + " needs architecture and os");
        }
        return new Platform(architecture, os,
                optionalString(object, "variant", where + ".variant"),
                optionalString(object, "os.version", where + ".os.version"),
                stringList(object.get("os.features"), where + ".os.features"));
    }

    private static Map<String, String> annotations(JsonValue value, String where) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid(where + " must be an object of strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof JsonString string)) {
                throw invalid(where + "[" + RegistryException.quote(entry.getKey()) + "] must be a string");
            }
            result.put(entry.getKey(), string.getString());
        }
        return result;
    }

    private static List<String> stringList(JsonValue value, String where) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(where + " must be an array of strings");
        }
        List<String> result = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                throw invalid(where + " must be an array of strings");
            }
            result.add(string.getString());
        }
        return result;
    }

    private static JsonArray requiredArray(JsonObject object, String key, String where) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid(where + " is missing");
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(where + " must be an array");
        }
        return array;
    }

    /** A string field; null if absent or JSON null (as Go clients read it). */
    private static String optionalString(JsonObject object, String key, String where) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid(where + " must be a string");
        }
        return string.getString();
    }

    /** A media-type field; null if absent, JSON null or empty (the specification's "empty or missing"). */
    private static String optionalMediaType(JsonObject object, String key, String where) {
        String value = optionalString(object, key, where);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!MEDIA_TYPE.matcher(value).matches()) {
            throw invalid(where + " " + RegistryException.quote(value) + " is not a media type (RFC 6838)");
        }
        return value;
    }

    private static RegistryException invalid(String detail) {
        return new RegistryException(OciErrorCode.MANIFEST_INVALID, detail);
    }

    private static RegistryException schema1() {
        return invalid("Docker schema 1 manifests are not supported; push with a client that writes"
                + " Docker schema 2 or OCI manifests");
    }
}
