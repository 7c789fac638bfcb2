package io.berth.audit.control;

import io.berth.audit.entity.RecordedEvent;
import io.berth.platform.DatabaseSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Stores queued audit entries in batches, off the request threads: every {@link #INTERVAL_MILLIS} and whenever
 * {@link #BATCH} entries wait, one JDBC batch insert per {@link #BATCH} entries in one transaction (JDBC rather
 * than JPA because identity ids stop Hibernate from batching inserts). When {@code audit_log_forward_endpoint} is
 * set each batch is also sent to syslog ({@link SyslogForwarder}), and with {@code skip_audit_log_database} only
 * sent there, as Harbor.
 * <p>
 * A batch that cannot be stored goes back to the head of the queue and is tried again on the next tick. On
 * shutdown {@link #drain} writes whatever is still queued; the bean depends on {@link DatabaseSetup}, so the
 * datasource is still there when it does. Runs on Jakarta Concurrency's managed executors, never raw threads.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditWriter {

    public static final String FORWARD_ENDPOINT = "audit_log_forward_endpoint";
    public static final String SKIP_DATABASE = "skip_audit_log_database";
    static final int BATCH = 500;
    static final long INTERVAL_MILLIS = 1000;
    private static final Logger LOGGER = Logger.getLogger(AuditWriter.class.getName());
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final String INSERT = "INSERT INTO audit_log (op_time, username, operation, resource_type, resource,"
            + " project_id, op_result, op_desc, client_ip, user_agent, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AuditQueue queue;

    @Inject
    SyslogForwarder forwarder;

    private final Object writing = new Object();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private ScheduledFuture<?> ticks;
    private Thread exitFlush;

    @PostConstruct
    void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::flushQuietly, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        // A JVM stopped with SIGTERM (docker stop, systemd) ends Payara Micro without undeploying, so @PreDestroy
        // never runs: this hook writes what is queued then. It is the one raw thread here, and only the JVM starts it.
        exitFlush = new Thread(this::flushAtExit, "berth-audit-exit-flush");
        Runtime.getRuntime().addShutdownHook(exitFlush);
    }

    /** On undeploy: stops the ticks and writes everything still queued, so a normal stop loses no entry. */
    @PreDestroy
    void drain() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitFlush);
        } catch (IllegalStateException jvmShuttingDown) {
            // The hook is running or about to; flushing twice is harmless.
        }
        int waiting = queue.size();
        flush();
        LOGGER.log(Level.INFO, "Audit trail flushed at shutdown ({0} entries were queued, {1} still are)",
                new Object[] {waiting, queue.size()});
        forwarder.close();
    }

    private void flushAtExit() {
        int waiting = queue.size();
        flush();
        // JUL may already be shut down at this point; stderr reaches the server log.
        System.err.println("Berth audit trail flushed at JVM exit: " + waiting + " entries were queued, " + queue.size() + " still are");
    }

    /** Asks for a flush on the executor now instead of at the next tick (a full batch is waiting). */
    public void flushSoon() {
        if (flushQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                flushQueued.set(false);
                flushQuietly();
            });
        }
    }

    /** Writes and forwards {@code entries} on the calling thread: for a full queue, which must not drop them. */
    public void writeNow(List<RecordedEvent> entries) {
        synchronized (writing) {
            if (!write(entries)) {
                LOGGER.log(Level.SEVERE, "Audit queue full and the database unreachable: {0} audit entries lost", entries.size());
            }
        }
    }

    /** Writes everything queued, batch by batch; stops at the first batch that fails (it is queued again). */
    public void flush() {
        synchronized (writing) {
            List<RecordedEvent> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                if (!write(batch)) {
                    int lost = queue.putBack(batch);
                    if (lost > 0) {
                        LOGGER.log(Level.SEVERE, "Audit queue full while the database is unreachable: {0} audit entries lost", lost);
                    }
                    return;
                }
                batch.clear();
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Audit flush failed; the entries stay queued", e);
        }
    }

    /**
     * Forwards and stores one batch as the settings say; false if it must be tried again. The two settings are read
     * with JDBC on this connection: a container-managed EntityManager is not usable on an executor thread.
     */
    private boolean write(List<RecordedEvent> batch) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> settings = settings(connection);
            String endpoint = settings.getOrDefault(FORWARD_ENDPOINT, "").strip();
            boolean skipDatabase = !endpoint.isEmpty() && Boolean.parseBoolean(settings.getOrDefault(SKIP_DATABASE, "false").strip());
            List<RecordedEvent> resolved = resolveProjects(connection, batch);
            if (!endpoint.isEmpty()) {
                try {
                    forwarder.send(endpoint, resolved);
                } catch (IOException e) {
                    LOGGER.log(Level.WARNING, "Cannot forward {0} audit entries to {1}: {2}",
                            new Object[] {batch.size(), endpoint, e.getMessage()});
                    if (skipDatabase) {
                        return false;
                    }
                }
            }
            if (!skipDatabase) {
                insert(connection, resolved);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot store " + batch.size() + " audit entries, will retry", e);
            return false;
        }
    }

    private static Map<String, String> settings(Connection connection) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT config_key, config_value FROM configuration WHERE config_key IN (?, ?)")) {
            select.setString(1, FORWARD_ENDPOINT);
            select.setString(2, SKIP_DATABASE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return values;
    }

    /** Fills in project ids for entries that named their project only (pushes and pulls know the name). */
    private static List<RecordedEvent> resolveProjects(Connection connection, List<RecordedEvent> batch) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<RecordedEvent> resolved = new ArrayList<>(batch.size());
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM project WHERE name = ?")) {
            for (RecordedEvent entry : batch) {
                if (entry.projectId() != null || entry.projectName() == null) {
                    resolved.add(entry);
                    continue;
                }
                Long id = ids.computeIfAbsent(entry.projectName(), name -> {
                    try {
                        find.setString(1, name);
                        try (ResultSet rs = find.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : null;
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                resolved.add(entry.withProjectId(id));
            }
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        return resolved;
    }

    private static void insert(Connection connection, List<RecordedEvent> batch) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Calendar utc = Calendar.getInstance(UTC);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (RecordedEvent e : batch) {
                insert.setTimestamp(1, Timestamp.from(e.opTime()), utc);
                insert.setString(2, e.username());
                insert.setString(3, e.operation());
                insert.setString(4, e.resourceType());
                insert.setString(5, e.resource());
                if (e.projectId() == null) {
                    insert.setNull(6, Types.BIGINT);
                } else {
                    insert.setLong(6, e.projectId());
                }
                insert.setBoolean(7, e.success());
                insert.setString(8, e.description());
                insert.setString(9, e.clientIp());
                insert.setString(10, e.userAgent());
                insert.setString(11, e.requestId());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
