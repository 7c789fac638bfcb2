package io.berth.console.shell;

import jakarta.servlet.annotation.WebFilter;
import org.omnifaces.filter.FacesExceptionFilter;

/**
 * OmniFaces' {@link FacesExceptionFilter} on the console's URLs only. With {@code FullAjaxExceptionHandlerFactory} in
 * {@code faces-config.xml} and no such filter registered, OmniFaces installs one itself at {@code /*}, without async
 * support, in front of the registry too: every blob download ({@code GET /v2/.../blobs/...}, which suspends its
 * request) then failed with a 500 and no client could pull. Registering this subclass keeps OmniFaces from installing
 * its own, and the filter wraps {@code /console/*} alone.
 */
@WebFilter(filterName = "ConsoleExceptionFilter", urlPatterns = "/console/*", asyncSupported = true)
public class ConsoleExceptionFilter extends FacesExceptionFilter {
}
