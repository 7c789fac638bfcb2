package io.berth.registry.boundary.oci;

import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a failure nobody anticipated is logged with an id and answered 500 UNKNOWN with only that
 * id, so internals (SQL, paths) never reach the client. A {@link RegistryException} wrapped by an interceptor
 * or the transaction manager is unwrapped and answered as itself.
 */
@Provider
public class OciUnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOGGER = Logger.getLogger(OciUnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryException registry) {
                return new OciErrorMapper().toResponse(registry);
            }
        }
        String id = UUID.randomUUID().toString();
        LOGGER.log(Level.SEVERE, "Unexpected failure " + id, e);
        return OciErrors.response(500, OciErrorCode.UNKNOWN, "internal error " + id).build();
    }
}
