package io.berth.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a job runs by itself, and with which parameters (a JSON object, as the API received it). */
@Entity
@Table(name = "job_schedule")
public class JobSchedule {

    @Id
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_type", nullable = false)
    private ScheduleType type;

    private String cron;

    private String parameters;

    @Column(name = "next_time")
    private Instant nextTime;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected JobSchedule() {
    }

    public JobSchedule(String name, Instant now) {
        this.name = name;
        this.type = ScheduleType.NONE;
        this.creationTime = now;
        this.updateTime = now;
    }

    public void change(ScheduleType type, String cron, String parameters, Instant nextTime, Instant now) {
        this.type = type;
        this.cron = cron;
        this.parameters = parameters;
        this.nextTime = nextTime;
        this.updateTime = now;
    }

    public String name() {
        return name;
    }

    public ScheduleType type() {
        return type;
    }

    public String cron() {
        return cron;
    }

    public String parameters() {
        return parameters;
    }

    public Instant nextTime() {
        return nextTime;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }
}
