/**
 * The vocabulary of the registry: the OCI Distribution API's values and errors, and the persistent records of
 * repositories, blobs, uploads and artifacts.
 * <p>
 * Request input enters here as text and bytes (repository names, tags and digests from URLs, {@code Range} and
 * {@code Content-Range} headers, manifest bodies) and leaves as validated values such as {@link
 * io.berth.registry.entity.RepositoryName}, {@link io.berth.registry.entity.Reference} and
 * {@link io.berth.registry.entity.ParsedManifest}, so the services never see an unchecked string. Anything
 * the specification does not allow leaves as a {@link io.berth.registry.entity.RegistryException} naming its
 * {@link io.berth.registry.entity.OciErrorCode}, headers included, which the API layer renders as the
 * specification's error body. The grammars are those of the OCI Distribution Specification 1.1 and image-spec
 * 1.1, with distribution/distribution as the reference where they leave room. The URL grammar of {@code /v2/}
 * itself is {@link io.berth.registry.entity.RegistryRoute}, shared by the resources and the authentication filter;
 * what that filter decided reaches the registry as a {@link io.berth.registry.entity.RequestGrant}.
 */
package io.berth.registry.entity;
