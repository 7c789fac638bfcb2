package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /system/purgeaudit} as Harbor's: schedule, manual runs with dry run, history, one run, its log, stop, and
 * who may use it. The deletion test ages entries in the database, which on the embedded database restarts the
 * server; entries recorded just before that stop must survive it (the writer flushes at shutdown).
 */
class AuditPurgeIT {

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final AuditTrail trail = new AuditTrail(admin);

    @Test
    void entriesSurviveAStopAndOldOnesArePurgedAfterADryRun() throws Exception {
        String aged = RegistryClient.uniqueName("aged");
        admin.createProject(aged, true);
        trail.await("resource=" + aged, "create", "project");
        List<String> lastMinute = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = RegistryClient.uniqueName("late");
            admin.createProject(name, true);
            lastMinute.add(name);
        }
        // On H2 this stops the server right after the changes above (SIGTERM): what the writer still held must
        // reach the database, so after the restart every entry is there (await gives up after a bound).
        server.updateDatabase("UPDATE audit_log SET op_time = TIMESTAMP '2020-01-01 00:00:00' WHERE resource = '" + aged + "'");
        for (String name : lastMinute) {
            trail.await("resource=" + name, "create", "project");
        }
        assertEquals(1, trail.find("resource=" + aged + ",op_time=[2019-12-31 00:00:00~2020-01-02 00:00:00]").size());

        long dryRun = startManual("{\"audit_retention_hour\":24,\"include_event_types\":\"create_project\",\"dry_run\":true}");
        JsonObject done = awaitEnd(dryRun);
        assertEquals("Success", done.getString("job_status"));
        assertTrue(done.getString("job_parameters").contains("\"dry_run\":true"), done.toString());
        String dryLog = admin.get("/api/v2.0/system/purgeaudit/" + dryRun + "/log").expect(200).body();
        assertTrue(dryLog.contains("would be removed"), dryLog);
        assertEquals(1, trail.find("resource=" + aged).size(), "a dry run removes nothing");

        long real = startManual("{\"audit_retention_hour\":\"24\",\"include_event_types\":\"create_project,pull_artifact\",\"dry_run\":false}");
        assertEquals("Success", awaitEnd(real).getString("job_status"));
        assertEquals(0, trail.find("resource=" + aged).size(), "the aged entry is purged");
        assertEquals(1, trail.find("resource=" + lastMinute.get(0)).size(), "recent entries stay");
        assertTrue(admin.get("/api/v2.0/system/purgeaudit/" + real + "/log").expect(200).body().contains("entries removed"));

        ApiClient.Response history = admin.get("/api/v2.0/system/purgeaudit?page_size=2").expect(200);
        assertNotNull(history.header("X-Total-Count"));
        JsonObject newest = history.array().getJsonObject(0);
        assertEquals(real, newest.getJsonNumber("id").longValue());
        assertTrue(newest.keySet().containsAll(List.of("id", "job_name", "job_kind", "job_parameters", "schedule",
                "job_status", "deleted", "creation_time", "update_time")), newest.toString());
        assertEquals("MANUAL", newest.getString("job_kind"));
        assertEquals(200, admin.put("/api/v2.0/system/purgeaudit/" + real, null).status(), "stopping a finished run is harmless");

        List<JsonObject> both = admin.get("/api/v2.0/system/purgeaudit?q=" + AuditTrail.encode("id={" + dryRun + " " + real + "}")
                + "&sort=id").expect(200).array().getValuesAs(JsonObject.class);
        assertEquals(List.of(dryRun, real), both.stream().map(r -> r.getJsonNumber("id").longValue()).toList(), "sorted as asked");
        ApiClient.Response succeeded = admin.get("/api/v2.0/system/purgeaudit?page_size=1&q="
                + AuditTrail.encode("job_status=Success,job_kind=MANUAL,id=[" + dryRun + "~" + real + "]")).expect(200);
        assertEquals("2", succeeded.header("X-Total-Count"));
        assertEquals(real, succeeded.array().getJsonObject(0).getJsonNumber("id").longValue(), "newest first by default");
        assertTrue(succeeded.header("Link").contains("rel=\"next\""), succeeded.header("Link"));
    }

    @Test
    void oneRunAtATimeAndTheRunOfADeadNodeIsTakenOver() throws Exception {
        long run = startManual("{\"audit_retention_hour\":1,\"include_event_types\":\"pull_artifact\",\"dry_run\":true}");
        awaitEnd(run);
        // As if a node died while running it: the run open, the purge's lease held by that node for an hour.
        server.updateDatabase("UPDATE audit_purge_execution SET job_status = 'RUNNING', node = 'gone-node' WHERE id = " + run,
                "UPDATE job_lease SET owner = 'gone-node', execution_id = " + run + ", expires_at = " + utc(Duration.ofHours(1))
                        + " WHERE name = 'purge_audit'");
        ApiClient.Response busy = admin.post("/api/v2.0/system/purgeaudit/schedule",
                "{\"schedule\":{\"type\":\"Manual\"},\"parameters\":{\"audit_retention_hour\":1}}");
        assertEquals(409, busy.status(), busy.body());
        assertEquals("CONFLICT", busy.errorCode());
        assertEquals("Running", admin.get("/api/v2.0/system/purgeaudit/" + run).expect(200).json().getString("job_status"));

        // The node never renews: once the lease has expired, the timer frees it and records the run as failed.
        server.updateDatabase("UPDATE job_lease SET expires_at = " + utc(Duration.ofMinutes(-1)) + " WHERE name = 'purge_audit'");
        JsonObject abandoned = awaitEnd(run);
        assertEquals("Error", abandoned.getString("job_status"));
        assertTrue(admin.get("/api/v2.0/system/purgeaudit/" + run + "/log").expect(200).body().contains("gone-node stopped renewing"));
        assertEquals("Success", awaitEnd(startManual("{\"audit_retention_hour\":1,\"include_event_types\":\"pull_artifact\"}"))
                .getString("job_status"), "the purge is free again");
    }

    @Test
    void scheduleIsSetReadAndChecked() {
        try {
            admin.put("/api/v2.0/system/purgeaudit/schedule", "{\"schedule\":{\"type\":\"Custom\",\"cron\":\"0 30 3 * * *\"},"
                    + "\"parameters\":{\"audit_retention_hour\":168,\"include_event_types\":\"pull_artifact\",\"dry_run\":true}}").expect(200);
            JsonObject schedule = admin.get("/api/v2.0/system/purgeaudit/schedule").expect(200).json();
            assertEquals("Custom", schedule.getJsonObject("schedule").getString("type"));
            assertEquals("0 30 3 * * *", schedule.getJsonObject("schedule").getString("cron"));
            assertTrue(schedule.getJsonObject("schedule").getString("next_scheduled_time").endsWith("03:30:00Z"), schedule.toString());
            assertTrue(schedule.getString("job_parameters").contains("\"audit_retention_hour\":168"), schedule.toString());
            new AuditTrail(admin).await("resource_type=purge_audit,operation=update",
                    e -> e.getString("resource").equals("purge audit schedule Custom"));

            admin.post("/api/v2.0/system/purgeaudit/schedule", "{\"schedule\":{\"type\":\"Hourly\"},"
                    + "\"parameters\":{\"audit_retention_hour\":1,\"include_event_types\":\"create\",\"dry_run\":true}}").expect(201);
            assertEquals("0 0 * * * *", admin.get("/api/v2.0/system/purgeaudit/schedule").expect(200).json()
                    .getJsonObject("schedule").getString("cron"));

            for (String bad : List.of("{\"schedule\":{\"type\":\"Custom\",\"cron\":\"61 * * * * *\"},\"parameters\":{\"audit_retention_hour\":1}}",
                    "{\"schedule\":{\"type\":\"Sometimes\"},\"parameters\":{\"audit_retention_hour\":1}}",
                    "{\"schedule\":{\"type\":\"Daily\"},\"parameters\":{\"audit_retention_hour\":240001}}",
                    "{\"schedule\":{\"type\":\"Daily\"},\"parameters\":{\"audit_retention_hour\":1,\"include_event_types\":\"steal_secrets\"}}",
                    "{\"schedule\":{\"type\":\"Daily\"},\"parameters\":{\"audit_retention_hour\":1,\"rm\":\"-rf\"}}",
                    "not json")) {
                ApiClient.Response refused = admin.put("/api/v2.0/system/purgeaudit/schedule", bad);
                assertEquals(400, refused.status(), bad + ": " + refused.body());
                assertEquals("BAD_REQUEST", refused.errorCode());
            }
        } finally {
            admin.put("/api/v2.0/system/purgeaudit/schedule", "{\"schedule\":{\"type\":\"None\"}}").expect(200);
        }
        assertEquals("None", admin.get("/api/v2.0/system/purgeaudit/schedule").expect(200).json()
                .getJsonObject("schedule").getString("type"));
    }

    @Test
    void onlySystemAdministratorsPurge() {
        ApiClient anonymous = ApiClient.anonymous(server);
        ApiClient.TestUser user = admin.newUser("purger");
        assertEquals(401, anonymous.get("/api/v2.0/system/purgeaudit").status());
        assertEquals(403, user.client().get("/api/v2.0/system/purgeaudit").status());
        assertEquals(403, user.client().get("/api/v2.0/system/purgeaudit/schedule").status());
        assertEquals(403, user.client().post("/api/v2.0/system/purgeaudit/schedule",
                "{\"schedule\":{\"type\":\"Manual\"},\"parameters\":{\"audit_retention_hour\":1}}").status());
        assertEquals("NOT_FOUND", admin.get("/api/v2.0/system/purgeaudit/999999999").expect(404).errorCode());
        assertEquals(404, admin.get("/api/v2.0/system/purgeaudit/999999999/log").status());
        assertEquals(404, admin.put("/api/v2.0/system/purgeaudit/999999999", null).status());
        for (String bad : List.of("q=job_log=x", "q=node=x", "q=job_status=Sometimes", "sort=job_parameters", "page_size=101")) {
            ApiClient.Response refused = admin.get("/api/v2.0/system/purgeaudit?" + bad);
            assertEquals(400, refused.status(), bad + ": " + refused.body());
            assertEquals("BAD_REQUEST", refused.errorCode());
        }
    }

    /** A timestamp literal {@code offset} from now, in UTC as Berth stores times. */
    private static String utc(Duration offset) {
        return "TIMESTAMP '" + LocalDateTime.now(ZoneOffset.UTC).plus(offset).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "'";
    }

    private long startManual(String parameters) {
        ApiClient.Response started = admin.post("/api/v2.0/system/purgeaudit/schedule",
                "{\"schedule\":{\"type\":\"Manual\"},\"parameters\":" + parameters + "}").expect(201);
        return started.locationId();
    }

    private JsonObject awaitEnd(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject run = null;
        while (Instant.now().isBefore(deadline)) {
            run = admin.get("/api/v2.0/system/purgeaudit/" + id).expect(200).json();
            if (List.of("Success", "Error", "Stopped").contains(run.getString("job_status"))) {
                return run;
            }
            AuditTrail.pause();
        }
        throw new AssertionError("purge " + id + " did not end: " + run);
    }
}
