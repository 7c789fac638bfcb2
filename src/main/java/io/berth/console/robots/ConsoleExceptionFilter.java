package io.berth.console.robots;

import jakarta.servlet.annotation.WebFilter;
import org.omnifaces.filter.FacesExceptionFilter;

/**
 * OmniFaces' {@link FacesExceptionFilter} on the console's URLs only. A WORKAROUND for a bug of the shared console
 * set-up, to be moved to {@code io.berth.console.shell} (or replaced by a filter mapping in {@code web.xml}) by its
 * owner: with {@code FullAjaxExceptionHandlerFactory} in {@code faces-config.xml} and no {@code FacesExceptionFilter}
 * registered, OmniFaces installs one itself at {@code /*}, without async support, in front of the registry too, and
 * every blob download ({@code GET /v2/.../blobs/...}, which suspends its request) fails with a 500 ("Request is within
 * the scope of a filter or servlet that does not support asynchronous operations"): no client can pull. Registering
 * this subclass keeps OmniFaces from installing its own, so the filter wraps {@code /console/*} alone.
 */
@WebFilter(filterName = "ConsoleExceptionFilter", urlPatterns = "/console/*", asyncSupported = true)
public class ConsoleExceptionFilter extends FacesExceptionFilter {
}
