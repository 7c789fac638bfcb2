package io.berth.registry.boundary.api;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.registry.control.ArtifactCopier;
import io.berth.registry.control.ContentLookup;
import io.berth.registry.control.ManifestLookups;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * {@code POST /projects/{p}/repositories/{r}/artifacts?from=<project>/<repo>:<tag>} (or {@code @<digest>}):
 * Harbor's copy. It needs {@code repository:pull} on the source, where an invisible source is 404, and
 * {@code artifact:create} in the target project; the target repository is created if new. No bytes are copied
 * ({@link ArtifactCopier}). The console's copy may also name a tag for the copy.
 */
@ApplicationScoped
public class ArtifactCopies {

    static final Permission PULL = Permission.of(Resource.REPOSITORY, Action.PULL);
    static final Permission CREATE = Permission.of(Resource.ARTIFACT, Action.CREATE);
    static final Permission TAG = Permission.of(Resource.TAG, Action.CREATE);

    @Inject
    ProjectGuard guard;

    @Inject
    ContentLookup lookup;

    @Inject
    ArtifactCopier copier;

    @Inject
    ManifestLookups lookups;

    @Inject
    Event<AuditEvent> audit;

    /** Copies and returns the digest of the copied artifact. */
    public String copy(Caller caller, String projectName, String path, String from) {
        return copy(caller, projectName, path, from, null);
    }

    /**
     * Copies {@code from} to {@code <projectName>/<path>} and, when {@code tag} is given, tags the copy with it as a
     * push would (moving the tag from another artifact there); that also needs {@code tag:create} in the target.
     * Returns the digest of the copied artifact.
     */
    public String copy(Caller caller, String projectName, String path, String from, String tag) {
        Source source = Source.parse(from);
        Tag extraTag = null;
        if (tag != null && !tag.isBlank()) {
            try {
                extraTag = Tag.parse(tag.strip());
            } catch (RegistryException e) {
                throw ApiException.badRequest("%s", e.detail());
            }
        }
        Project target = guard.require(caller, projectName, true, CREATE);
        if (extraTag != null) {
            guard.require(caller, projectName, true, TAG);
        }
        RepositoryName targetName;
        try {
            targetName = new RepositoryName(target.name() + "/" + path);
        } catch (RegistryException e) {
            throw ApiException.badRequest("%s", e.detail());
        }
        Project sourceProject = guard.require(caller, source.repository().project(), true, PULL);
        Repository sourceRepository = lookup.repository(sourceProject, source.repository().path())
                .orElseThrow(() -> ApiException.notFound("repository %s not found", source.repository()));
        Artifact artifact = lookup.artifact(sourceRepository, source.reference())
                .orElseThrow(() -> ApiException.notFound("artifact %s not found", from));
        try {
            copier.copy(artifact, targetName, target.id(), extraTag);
        } catch (RegistryException e) {
            if (e.code() == OciErrorCode.DENIED) {
                // Over the target project's quota: Harbor answers 403 with the quota's own explanation.
                throw ApiException.of(ApiError.FORBIDDEN, "%s", e.errorMessage());
            }
            throw ApiException.badRequest("cannot copy %s: %s", from, e.detail() != null ? e.detail() : e.errorMessage());
        } finally {
            lookups.invalidate(targetName);
        }
        audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.ARTIFACT, targetName + "@" + artifact.digest())
                .inProject(target.id(), target.name()).describedAs("copied from " + source.repository() + "@" + artifact.digest()));
        if (extraTag != null) {
            audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.TAG, targetName + ":" + extraTag).inProject(target.id(), target.name()));
        }
        return artifact.digest().toString();
    }

    /** The parsed {@code from} parameter: a repository and a tag or digest in it. */
    record Source(RepositoryName repository, String reference) {

        static Source parse(String from) {
            if (from == null || from.isBlank()) {
                throw ApiException.badRequest("from is needed: <project>/<repository>:<tag> or <project>/<repository>@<digest>");
            }
            int at = from.indexOf('@');
            int colon = from.lastIndexOf(':');
            int split = at >= 0 ? at : colon > from.lastIndexOf('/') ? colon : -1;
            if (split <= 0 || split == from.length() - 1) {
                throw ApiException.badRequest("from must be <project>/<repository>:<tag> or <project>/<repository>@<digest>");
            }
            try {
                return new Source(new RepositoryName(from.substring(0, split)), from.substring(split + 1));
            } catch (RegistryException e) {
                throw ApiException.badRequest("%s", e.detail());
            }
        }
    }
}
