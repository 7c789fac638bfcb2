-- The audit purge (io.berth.audit) moves onto the job machinery (io.berth.jobs), as garbage collection runs:
-- its schedule becomes the job_schedule row 'purge_audit', and one purge at a time is the job_lease row of the
-- same name. audit_purge_schedule, which was schedule, minute claim and lock in one row, goes.

INSERT INTO job_lease (name, update_time) VALUES ('purge_audit', CURRENT_TIMESTAMP);

-- Schedule types keep their meaning; job_schedule stores ScheduleType's constant names (None -> NONE,
-- Custom -> CUSTOM, ...). next_time stays empty: SQL cannot evaluate a cron, so the first timer tick computes it
-- (Schedules.claimDue) without firing.
INSERT INTO job_schedule (name, schedule_type, cron, parameters, next_time, creation_time, update_time)
    SELECT 'purge_audit', UPPER(schedule_type), schedule_cron, job_parameters, NULL, creation_time, update_time
    FROM audit_purge_schedule WHERE id = 1;

-- A run still open when the old lock goes can never finish on this schema: its node (if still alive) would
-- release a lock that no longer exists. Close it as failed, saying why (an open run has written no log yet).
UPDATE audit_purge_execution
    SET job_status = 'ERROR', job_log = 'interrupted by the upgrade that moved purges onto job leases',
        update_time = CURRENT_TIMESTAMP
    WHERE job_status IN ('PENDING', 'RUNNING');

DROP TABLE audit_purge_schedule;
