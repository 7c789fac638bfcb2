/**
 * The repository page ({@code src/main/webapp/console/repositories/}): its Markdown description ({@code Markdown},
 * raw HTML escaped, http(s) links only), and its artifacts with tags, platforms, sizes, signatures, labels, the
 * actions on them (copy, labels, tags, delete) and the visitor's column choice ({@code ArtifactColumns}).
 * <p>
 * {@code PullCommands} (the pull command for the visitor's client) and {@code Formats} (sizes, short digests) serve
 * the artifact page too. Everything goes through the registry's facades ({@code Repositories}, {@code Artifacts},
 * {@code ArtifactTags}, {@code ArtifactCopies}, {@code Labels}) with the request's caller.
 */
package io.berth.console.repositories;
