package io.berth.rbac.control;

import io.berth.platform.BerthConfig;
import io.berth.rbac.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Creates the {@code admin} system administrator on the first start. Its password comes from
 * {@code BERTH_ADMIN_PASSWORD}; without one, a random password is generated and written to
 * {@code <data dir>/initial-admin-password} (mode 600), and the log says where, never what. There is no
 * default password (Harbor's {@code Harbor12345} was an advisory: CVE-2026-4404).
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class AdminBootstrap {

    public static final String ADMIN = "admin";
    private static final Logger LOGGER = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BerthConfig config;

    @PostConstruct
    void ensureAdmin() {
        boolean exists = !em.createNamedQuery(User.FIND_BY_NAME, User.class)
                .setParameter("username", ADMIN).getResultList().isEmpty();
        if (exists) {
            return;
        }
        String password = ConfigProvider.getConfig(AdminBootstrap.class.getClassLoader())
                .getOptionalValue("berth.admin.password", String.class)
                .filter(p -> !p.isBlank())
                .orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        User admin = new User(ADMIN, "admin@localhost", "System Administrator", "created at first start", now);
        admin.setPasswordHash(PasswordHasher.hash(password.toCharArray()), now);
        admin.setSysadmin(true, now);
        em.persist(admin);
        if (generated) {
            Path file = config.dataDirectory().resolve("initial-admin-password");
            write(file, password);
            LOGGER.log(Level.WARNING, "Created user admin with a generated password, written to {0} (readable by the"
                    + " owner only). Change it after the first login and delete the file.", file);
        } else {
            LOGGER.log(Level.INFO, "Created user admin with the password from BERTH_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password to " + file, e);
        }
    }
}
