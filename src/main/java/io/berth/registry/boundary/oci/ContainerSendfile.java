package io.berth.registry.boundary.oci;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Zero-copy blob pulls on Payara: hands a file region to Grizzly's {@code sendfile}, so the kernel moves the
 * bytes from the page cache to the socket. The Servlet API has no such call and Payara's blocking servlet
 * stream copies every byte twice (into its write queue, then out), which made parallel pulls CPU-bound at
 * less than half the reference registry's rate.
 * <p>
 * Everything here is reached by reflection, so the WAR still deploys unchanged to any other container: when
 * the servlet response is not Payara's (or sendfile is off), {@link #available} says no and the caller
 * streams the bytes itself. The first failure of the reflective path switches it off for good.
 */
final class ContainerSendfile {

    private static final Logger LOG = Logger.getLogger(ContainerSendfile.class.getName());
    private static final String FACADE = "org.apache.catalina.connector.ResponseFacade";
    private static volatile boolean disabled = Boolean.getBoolean("berth.sendfile.disabled");

    private ContainerSendfile() {
    }

    /** Grizzly's output buffer behind {@code response}, ready for a file transfer; null when there is none. */
    static Object available(ServletResponse response) {
        if (disabled || response.isCommitted()) {
            return null;
        }
        try {
            ServletResponse raw = response;
            while (raw instanceof ServletResponseWrapper wrapper) {
                raw = wrapper.getResponse();
            }
            if (!FACADE.equals(raw.getClass().getName())) {
                return null;
            }
            Field field = raw.getClass().getDeclaredField("response");
            field.setAccessible(true);
            Object catalina = field.get(raw);
            Object grizzly = catalina.getClass().getMethod("getCoyoteResponse").invoke(catalina);
            Object outputBuffer = grizzly.getClass().getMethod("getOutputBuffer").invoke(grizzly);
            Field enabled = findField(outputBuffer.getClass(), "sendfileEnabled");
            enabled.setAccessible(true);
            return enabled.getBoolean(outputBuffer) ? outputBuffer : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            disable(e);
            return null;
        }
    }

    /**
     * Starts sending {@code length} bytes of {@code file} from {@code offset} as the whole response body and returns
     * at once; {@code done} runs when the container has written them (or failed), and must complete the request's
     * {@code AsyncContext}. The request must be in asynchronous mode: that is Grizzly's protocol for a file transfer
     * (the response is suspended while the kernel sends, and resumed afterwards); a thread that merely waited would
     * leave the kept-alive connection in a state the next request trips over. Status and headers must be set before;
     * the container adds {@code Content-Length}.
     */
    static void start(Object outputBuffer, Path file, long offset, long length, Runnable done) throws IOException {
        try {
            ClassLoader loader = outputBuffer.getClass().getClassLoader();
            Class<?> handlerType = Class.forName("org.glassfish.grizzly.CompletionHandler", false, loader);
            Object handler = Proxy.newProxyInstance(loader, new Class<?>[] {handlerType}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "completed", "cancelled" -> done.run();
                    case "failed" -> {
                        LOG.log(Level.FINE, "sendfile of " + file + " failed", (Throwable) args[0]);
                        done.run();
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "toString" -> {
                        return "sendfile " + file;
                    }
                    default -> {
                    }
                }
                return null;
            });
            Method sendfile = outputBuffer.getClass().getMethod("sendfile", File.class, long.class, long.class, handlerType);
            sendfile.invoke(outputBuffer, file.toFile(), offset, length, handler);
        } catch (InvocationTargetException e) {
            throw new IOException("sendfile failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            disable(e);
            throw new IOException("sendfile is not available", e);
        }
    }

    private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static void disable(Exception e) {
        if (!disabled) {
            disabled = true;
            LOG.log(Level.INFO, "Zero-copy blob transfers are not available in this container; streaming instead", e);
        }
    }
}
