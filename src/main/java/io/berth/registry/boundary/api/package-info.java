/**
 * Harbor's REST API for registry content ({@code /api/v2.0}): repositories, artifacts with their tags, labels and
 * accessories, copies between repositories, labels, search and statistics.
 * <p>
 * Resources here are thin; facades ({@code Repositories}, {@code Artifacts}, {@code ArtifactTags}, {@code Labels},
 * {@code ArtifactCopies}, {@code Overview}) check the caller against the project's permission table through
 * {@link io.berth.rbac.control.ProjectGuard}, query with JPA criteria and {@link io.berth.platform.api.QueryFields},
 * and return views shaped like Harbor's swagger definitions. Every deletion goes through {@code ContentRemoval}.
 */
package io.berth.registry.boundary.api;
