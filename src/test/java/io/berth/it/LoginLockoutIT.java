package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Password guessing: after five failed logins an account is locked for a while, and then even the right password
 * fails, through the console login and HTTP Basic alike, while other accounts carry on. A name that is no account
 * behaves the same, so the lock does not reveal which names exist. The lock is kept in the database, so a restart
 * (or another node) does not lift it.
 */
class LoginLockoutIT {

    private static final int FAILURES_TO_LOCK = 5;

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);

    @Test
    void aLockedAccountRefusesEvenTheRightPasswordAndOthersAreUnaffected() throws IOException {
        ApiClient.TestUser victim = admin.newUser("locked");
        ApiClient.TestUser bystander = admin.newUser("bystander");
        String ghost = RegistryClient.uniqueName("ghost");
        anonymous.login(victim.username(), victim.password()).expect(200);
        victim.client().get("/api/v2.0/users/current").expect(200);

        ApiClient.Response first = null;
        for (int i = 0; i < FAILURES_TO_LOCK; i++) {
            ApiClient.Response failed = anonymous.login(victim.username(), "Wrong-Passw0rd-" + i).expect(401);
            anonymous.login(ghost, "Wrong-Passw0rd-" + i).expect(401);
            if (first == null) {
                first = failed;
            }
        }
        ApiClient.Response locked = anonymous.login(victim.username(), victim.password()).expect(401);
        assertEquals(first.body(), locked.body(), "a lock looks like a wrong password");
        assertEquals(locked.body(), anonymous.login(ghost, "Any-Passw0rd").expect(401).body(),
                "an unknown name locked the same way answers the same");
        victim.client().get("/api/v2.0/users/current").expect(401);

        anonymous.login(bystander.username(), bystander.password()).expect(200);
        bystander.client().get("/api/v2.0/users/current").expect(200);

        server.restart();
        anonymous.login(victim.username(), victim.password()).expect(401);
        victim.client().get("/api/v2.0/users/current").expect(401);
        bystander.client().get("/api/v2.0/users/current").expect(200);

        admin.put("/api/v2.0/users/" + victim.id() + "/password", "{\"new_password\":\"Unlocked-Passw0rd\"}").expect(200);
        anonymous.login(victim.username(), "Unlocked-Passw0rd").expect(200);
    }
}
