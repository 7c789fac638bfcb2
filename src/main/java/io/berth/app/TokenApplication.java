package io.berth.app;

import io.berth.auth.boundary.TokenErrors;
import io.berth.auth.boundary.TokenResource;
import io.berth.platform.api.ApiUnexpectedExceptionMapper;
import io.berth.platform.api.ApiWebExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The Docker token service at {@code /service}, an application of its own: its classes are listed so that neither
 * the registry's OCI error mappers nor the Harbor API's resources answer here. Errors have Harbor's shape, as
 * Harbor's token service sends them.
 */
@ApplicationPath("service")
public class TokenApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                TokenResource.class,
                TokenErrors.class,
                ApiWebExceptionMapper.class,
                ApiUnexpectedExceptionMapper.class);
    }
}
