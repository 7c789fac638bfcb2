package io.berth.gc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a run's log, kept in the database so any node can serve it. */
@Entity
@Table(name = "gc_log")
public class GcLogLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "execution_id", nullable = false)
    private long executionId;

    @Column(name = "log_time", nullable = false)
    private Instant time;

    @Column(nullable = false)
    private String line;

    protected GcLogLine() {
    }

    public GcLogLine(long executionId, Instant time, String line) {
        this.executionId = executionId;
        this.time = time;
        this.line = line;
    }

    public Instant time() {
        return time;
    }

    public String line() {
        return line;
    }
}
