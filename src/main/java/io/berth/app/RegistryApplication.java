package io.berth.app;

import io.berth.registry.boundary.oci.ApiVersionHeader;
import io.berth.registry.boundary.oci.AuthorizedRoute;
import io.berth.registry.boundary.oci.Base;
import io.berth.registry.boundary.oci.BlobsResource;
import io.berth.registry.boundary.oci.CatalogResource;
import io.berth.registry.boundary.oci.ManifestsResource;
import io.berth.registry.boundary.oci.OciErrorMapper;
import io.berth.registry.boundary.oci.OciUnexpectedErrorMapper;
import io.berth.registry.boundary.oci.OciWebErrorMapper;
import io.berth.registry.boundary.oci.ReferrersResource;
import io.berth.registry.boundary.oci.TagsResource;
import io.berth.registry.boundary.oci.UploadsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The OCI Distribution API, mounted at {@code /v2}. Its resources and providers are listed explicitly so the
 * Harbor API's error mappers (a different JSON shape) never answer for {@code /v2/}, and vice versa.
 */
@ApplicationPath("v2")
public class RegistryApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                Base.class,
                BlobsResource.class,
                UploadsResource.class,
                ManifestsResource.class,
                TagsResource.class,
                CatalogResource.class,
                ReferrersResource.class,
                ApiVersionHeader.class,
                AuthorizedRoute.class,
                OciErrorMapper.class,
                OciWebErrorMapper.class,
                OciUnexpectedErrorMapper.class);
    }

    /**
     * Jersey turns a relative {@code Location} into an absolute URL built from the request it sees, which behind
     * a TLS proxy is {@code http://}: clients would follow it off HTTPS. {@link Locations} hands out path-absolute
     * URLs (or ones on {@code BERTH_EXTERNAL_URL}) on purpose, so they must leave as they are.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
