package io.berth.platform;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * The vendor datasource chosen from MicroProfile Config, for the container to pool and enlist in JTA.
 * <p>
 * {@code @DataSourceDefinition} values are resolved at deploy time, before the WAR's own configuration
 * defaults are visible, and cannot express "H2 unless a URL is set" (STACK.md pitfall 4). So the container
 * is given this class instead of a driver: it reads {@code berth.db.url} when the pool opens its first
 * connection and delegates to MariaDB's or H2's datasource. One place decides, and the same WAR runs with
 * nothing configured, with environment variables, or with system properties.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOGGER = Logger.getLogger(ConfiguredDataSource.class.getName());

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() throws SQLException {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = create(BerthConfig.config());
                    delegate = d;
                }
            }
        }
        return d;
    }

    static DataSource create(Config config) throws SQLException {
        String url = config.getOptionalValue("berth.db.url", String.class).map(String::strip).orElse("");
        String user = config.getOptionalValue("berth.db.user", String.class).orElse("berth");
        String password = config.getOptionalValue("berth.db.password", String.class).orElse("");
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            var mariadb = new org.mariadb.jdbc.MariaDbDataSource(url);
            mariadb.setUser(user);
            if (!password.isEmpty()) {
                mariadb.setPassword(password);
            }
            LOGGER.log(Level.INFO, "Database: MariaDB at {0}", redact(url));
            return mariadb;
        }
        var h2 = new org.h2.jdbcx.JdbcDataSource();
        if (url.isEmpty()) {
            Path file = BerthConfig.dataDirectory(config).resolve("db").resolve("berth");
            // DB_CLOSE_ON_EXIT=FALSE: the container, not H2's shutdown hook, decides when connections close.
            url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
        } else if (!url.startsWith("jdbc:h2:")) {
            throw new SQLException("berth.db.url must be a jdbc:mariadb: or jdbc:h2: URL, got " + redact(url));
        }
        h2.setURL(url);
        h2.setUser(user);
        h2.setPassword(password);
        LOGGER.log(Level.INFO, "Database: embedded H2 at {0}", redact(url));
        return h2;
    }

    /** JDBC URLs may carry credentials as parameters; never log them. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
