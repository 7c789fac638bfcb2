package io.berth.registry.boundary.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an artifact is made of, read from its manifest and image config in the store: the layers with their sizes
 * (which Harbor does not show), the build history, a summary of the image config, and for an index its children
 * with their platforms. Not part of Harbor's API; the console's artifact page shows it.
 *
 * @param manifestMediaType the manifest's media type
 * @param config            the image config's summary; null for an index or an artifact without an image config
 * @param layers            the layers in manifest order; empty for an index
 * @param layersSize        the sum of the layer sizes (what a pull downloads, the config aside)
 * @param history           the build history from the image config, oldest step first; empty if none
 * @param children          an index's children in index order; empty for anything else
 * @param readable          false when the manifest could not be read from the store (the lists are then empty)
 */
public record ArtifactContentView(String manifestMediaType, ImageConfig config, List<Layer> layers, long layersSize,
        List<HistoryStep> history, List<Child> children, boolean readable) {

    /** One layer: {@code urls} are set for foreign or non-distributable layers that clients fetch elsewhere. */
    public record Layer(String mediaType, String digest, long size, List<String> urls) {
    }

    /** One step of the image's build: {@code emptyLayer} steps (ENV, CMD, ...) added no layer. */
    public record HistoryStep(Instant created, String createdBy, String comment, boolean emptyLayer) {
    }

    /**
     * A child of an index: its platform ({@code os/architecture[/variant]}, empty when the index names none) and,
     * when the repository holds it, its total size; {@code size} is otherwise the size of its manifest.
     */
    public record Child(String digest, String mediaType, String platform, long size, boolean stored) {
    }

    /** The parts of an image config a person reads: where it runs, how it starts, what it was built from. */
    public record ImageConfig(String digest, long size, String os, String architecture, String variant,
            Instant created, String author, List<String> entrypoint, List<String> cmd, List<String> env,
            String workingDir, String user, List<String> exposedPorts, Map<String, String> labels) {
    }
}
