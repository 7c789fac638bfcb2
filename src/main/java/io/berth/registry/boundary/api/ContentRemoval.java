package io.berth.registry.boundary.api;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.registry.control.Deletions;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Every deletion the Harbor API asks for, in one place: an artifact, a tag, a whole repository. Authorisation is
 * done by the callers; the registry's {@link Deletions} facade does the work (accessories and the index children
 * only an artifact lists go with it; blobs stay for garbage collection), and this class turns its refusals into
 * Harbor's errors and leaves an audit entry for each deletion.
 */
@ApplicationScoped
public class ContentRemoval {

    @Inject
    Deletions deletions;

    @Inject
    Event<AuditEvent> audit;

    /** Deletes an artifact with its tags, accessories and sole children; 412 while an image index lists it. */
    public void deleteArtifact(RepositoryName repository, Digest digest) {
        try {
            deletions.deleteArtifact(repository, digest);
        } catch (RegistryException e) {
            throw translate(e);
        }
        audit.fire(AuditEvent.of(Operation.DELETE, ResourceType.ARTIFACT, repository + "@" + digest).inProject(repository.project()));
    }

    /** Deletes one tag; the artifact stays. */
    public void deleteTag(RepositoryName repository, Tag tag) {
        try {
            deletions.deleteTag(repository, tag);
        } catch (RegistryException e) {
            throw translate(e);
        }
        audit.fire(AuditEvent.of(Operation.DELETE, ResourceType.TAG, repository + ":" + tag).inProject(repository.project()));
    }

    /** Deletes a repository with its artifacts, tags, index references and label attachments. */
    public void deleteRepository(Repository repository) {
        RepositoryName name = new RepositoryName(repository.name());
        try {
            deletions.deleteRepository(name);
        } catch (RegistryException e) {
            throw translate(e);
        }
        audit.fire(AuditEvent.of(Operation.DELETE, ResourceType.REPOSITORY, name.value()).inProject(name.project()));
    }

    private static ApiException translate(RegistryException e) {
        return e.code() == OciErrorCode.DENIED
                ? new ApiException(ApiError.PRECONDITION, e.detail())
                : new ApiException(ApiError.NOT_FOUND, e.detail());
    }
}
