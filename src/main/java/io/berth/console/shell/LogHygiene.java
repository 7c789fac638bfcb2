package io.berth.console.shell;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Keeps the console's CSRF tokens out of the server log: Mojarra logs, at SEVERE, the expected and the presented
 * {@code jakarta.faces.Token} ("correctSecretKeyValue ... incomingSecretKeyValue") whenever a protected view is
 * requested without the right one. Exactly those records are dropped; everything else of that logger stays.
 */
@WebListener
public class LogHygiene implements ServletContextListener {

    static final String FACES_LIFECYCLE_LOGGER = "jakarta.enterprise.resource.webcontainer.faces.lifecycle";
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger loses its filter. */
    private static final Logger LIFECYCLE = Logger.getLogger(FACES_LIFECYCLE_LOGGER);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        LIFECYCLE.setFilter(record -> record.getMessage() == null || !record.getMessage().contains("SecretKeyValue"));
    }
}
