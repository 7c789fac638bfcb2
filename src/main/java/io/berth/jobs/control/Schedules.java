package io.berth.jobs.control;

import io.berth.jobs.entity.CronExpression;
import io.berth.jobs.entity.JobSchedule;
import io.berth.jobs.entity.ScheduleType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Stored job schedules. Every node looks at the schedule on its timer tick; an occurrence that is due is claimed
 * by moving {@code next_time} on with a conditional UPDATE, so exactly one node fires it.
 */
@ApplicationScoped
public class Schedules {

    @PersistenceContext
    EntityManager em;

    /** The schedule of job {@code name}, if one was ever stored. */
    @Transactional(TxType.SUPPORTS)
    public Optional<JobSchedule> find(String name) {
        return Optional.ofNullable(em.find(JobSchedule.class, name));
    }

    /**
     * Stores the schedule of {@code name} ({@code NONE} clears it). The cron must parse; the next occurrence is
     * computed now, in this server's time zone.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public JobSchedule store(String name, ScheduleType type, String cron, String parameters) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JobSchedule schedule = em.find(JobSchedule.class, name);
        if (schedule == null) {
            schedule = new JobSchedule(name, now);
            em.persist(schedule);
        }
        Instant next = cron == null ? null : next(CronExpression.parse(cron), now);
        schedule.change(type, cron, parameters, next, now);
        return schedule;
    }

    /**
     * Claims the occurrence of {@code name} that is due now, if any, and moves the schedule on to the one after.
     * Returns the schedule (with the parameters to run with) to the one node whose UPDATE won. A schedule with a
     * cron but no next occurrence is given one.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<JobSchedule> claimDue(String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JobSchedule schedule = em.find(JobSchedule.class, name);
        if (schedule == null || schedule.cron() == null) {
            return Optional.empty();
        }
        Instant next = next(CronExpression.parse(schedule.cron()), now);
        if (schedule.nextTime() == null) {
            // A schedule a migration copied in (SQL cannot evaluate a cron): it gets its next occurrence, and
            // nothing fires now.
            em.createQuery("UPDATE JobSchedule s SET s.nextTime = :next WHERE s.name = :name AND s.nextTime IS NULL")
                    .setParameter("next", next)
                    .setParameter("name", name)
                    .executeUpdate();
            return Optional.empty();
        }
        if (schedule.nextTime().isAfter(now)) {
            return Optional.empty();
        }
        int won = em.createQuery("UPDATE JobSchedule s SET s.nextTime = :next WHERE s.name = :name AND s.nextTime = :due")
                .setParameter("next", next)
                .setParameter("name", name)
                .setParameter("due", schedule.nextTime())
                .executeUpdate();
        return won == 1 ? Optional.of(schedule) : Optional.empty();
    }

    private static Instant next(CronExpression cron, Instant now) {
        return cron.next(now.atZone(ZoneId.systemDefault())).toInstant();
    }
}
