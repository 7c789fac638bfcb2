package io.berth.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.registry.entity.RegistryRoute;
import org.junit.jupiter.api.Test;

/** JAX-RS templates as OpenAPI path templates: what a client generated from {@code /openapi} would call. */
class OpenApiPathsTest {

    @Test
    void dropsTheExpressionsOfTemplateVariables() {
        assertEquals("/api/v2.0/system/gc/{gc_id}/log", OpenApiPaths.template("/api/v2.0/system/gc/{gc_id: [0-9]+}/log"));
        assertEquals("/v2/{name}/manifests/{reference}", OpenApiPaths.template("/v2/" + RegistryRoute.MANIFEST));
        assertEquals("/v2/{name}/blobs/uploads/{uuid}", OpenApiPaths.template("/v2/" + RegistryRoute.UPLOADS + "/" + RegistryRoute.UPLOAD));
    }

    @Test
    void writesAVariableThatMatchesOneWordAsThatWord() {
        assertEquals("/v2/{name}/tags/list", OpenApiPaths.template("/v2/" + RegistryRoute.TAGS));
    }

    @Test
    void leavesPlainTemplatesAlone() {
        assertEquals("/api/v2.0/projects/{project_name_or_id}/members/{mid}",
                OpenApiPaths.template("/api/v2.0/projects/{project_name_or_id}/members/{mid}"));
        assertEquals("/v2/_catalog", OpenApiPaths.template("/v2/_catalog"));
    }
}
