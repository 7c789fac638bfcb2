package io.berth.registry.boundary.oci;

import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RequestGrant;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Objects;

/**
 * The registry's half of authorisation: after JAX-RS has chosen a resource, the repository it will serve must be
 * the one the authentication filter authorised ({@link RequestGrant#repository()}), and only an authorised request
 * reaches the catalog. The filter decides from the path with the same templates ({@link
 * io.berth.registry.entity.RegistryRoute}), so this never fires unless the two disagree about a path; if they ever
 * do, the request is refused rather than served under the wrong authorisation. A request without a grant (no
 * filter ran) is refused too.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizedRoute implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RequestGrant grant = request.getProperty(RequestGrant.ATTRIBUTE) instanceof RequestGrant g ? g : null;
        String name = request.getUriInfo().getPathParameters().getFirst("name");
        boolean catalog = resource.getResourceClass() == CatalogResource.class;
        if (grant == null || !Objects.equals(name, grant.repository()) || catalog && !grant.catalog()) {
            throw RegistryException.of(OciErrorCode.DENIED, "the request was not authorised for this resource");
        }
    }
}
