package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Console sessions ({@code POST /c/login}, {@code GET /c/log_out}) and how the API treats them: hardened
 * cookies, a new session id at every login, and a CSRF token for every state change made with the cookie
 * (Harbor's CVE-2019-19025), while HTTP Basic calls need none.
 */
class SessionIT {

    static final String SESSION_COOKIE = "JSESSIONID";
    static final String CSRF_HEADER = "X-Harbor-CSRF-Token";

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);

    @Test
    void loginSetsAHardenedSessionCookieAndHandsOutTheCsrfToken() {
        ApiClient.TestUser user = admin.newUser("login");
        ApiClient.Response login = anonymous.login(user.username(), user.password()).expect(200);
        String cookie = setCookie(login, SESSION_COOKIE).orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        String lower = cookie.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("samesite=lax") || lower.contains("samesite=strict"), cookie);
        assertFalse(lower.contains("secure"), "plain HTTP: no Secure flag, or the browser would drop the cookie: " + cookie);
        String token = login.header(CSRF_HEADER);
        assertNotNull(token, "the login answer carries the CSRF token");
        String csrfCookie = setCookie(login, "__csrf").orElseThrow();
        assertEquals(token, cookieValue(csrfCookie));
        assertTrue(csrfCookie.toLowerCase(Locale.ROOT).contains("samesite="), csrfCookie);
    }

    @Test
    void theSessionAuthenticatesApiCallsAndEveryAnswerCarriesTheToken() {
        ApiClient.TestUser user = admin.newUser("sess");
        Session session = Session.login(anonymous, user.username(), user.password());
        ApiClient.Response current = session.client().get("/api/v2.0/users/current").expect(200);
        assertEquals(user.username(), current.json().getString("username"));
        assertEquals(session.csrfToken(), current.header(CSRF_HEADER));
        anonymous.get("/api/v2.0/users/current").expect(401);
    }

    @Test
    void wrongPasswordUnknownUserAndRobotNamesGetOneAndTheSameAnswer() {
        ApiClient.TestUser user = admin.newUser("same");
        ApiClient.Response wrong = anonymous.login(user.username(), "Wrong-Passw0rd").expect(401);
        ApiClient.Response unknown = anonymous.login(RegistryClient.uniqueName("nobody"), "Wrong-Passw0rd").expect(401);
        ApiClient.Response robot = anonymous.login("robot$" + RegistryClient.uniqueName("r"), "Wrong-Passw0rd").expect(401);
        ApiClient.Response missing = anonymous.login("", "").expect(401);
        assertEquals("UNAUTHORIZED", wrong.errorCode());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.body(), robot.body());
        assertEquals(wrong.body(), missing.body());
        assertTrue(setCookie(wrong, SESSION_COOKIE).isEmpty(), "no session for a failed login");
    }

    @Test
    void cookieAuthenticatedChangesNeedTheCsrfToken() {
        ApiClient.TestUser user = admin.newUser("csrf");
        Session session = Session.login(anonymous, user.username(), user.password());
        String project = RegistryClient.uniqueName("csrf");
        String body = "{\"project_name\":\"" + project + "\"}";

        ApiClient.Response missing = session.client().post("/api/v2.0/projects", body).expect(403);
        assertEquals("{\"errors\":[{\"code\":\"FORBIDDEN\",\"message\":\"CSRF token invalid\"}]}", missing.body());
        assertNotNull(missing.header("X-Request-Id"));
        session.client().with(CSRF_HEADER, "not-the-token").post("/api/v2.0/projects", body).expect(403);
        session.client().with(CSRF_HEADER, "").post("/api/v2.0/projects", body).expect(403);
        admin.get("/api/v2.0/projects?name=" + project).expect(200);
        assertEquals("0", admin.get("/api/v2.0/projects?name=" + project).header("X-Total-Count"), "nothing was created");

        session.withToken().post("/api/v2.0/projects", body).expect(201);
        session.client().put("/api/v2.0/projects/" + project, "{\"metadata\":{\"public\":\"true\"}}").expect(403);
        session.client().delete("/api/v2.0/projects/" + project).expect(403);
        session.withToken().put("/api/v2.0/projects/" + project, "{\"metadata\":{\"public\":\"true\"}}").expect(200);
        session.withToken().delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void basicAuthenticatedChangesNeedNoCsrfToken() {
        ApiClient.TestUser user = admin.newUser("basic");
        String project = RegistryClient.uniqueName("basic");
        user.client().post("/api/v2.0/projects", "{\"project_name\":\"" + project + "\"}").expect(201);
        user.client().delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void aTokenOfAnotherSessionDoesNotCount() {
        ApiClient.TestUser user = admin.newUser("other");
        Session mine = Session.login(anonymous, user.username(), user.password());
        Session theirs = Session.login(anonymous, user.username(), user.password());
        assertNotEquals(mine.csrfToken(), theirs.csrfToken());
        mine.client().with(CSRF_HEADER, theirs.csrfToken())
                .post("/api/v2.0/projects", "{\"project_name\":\"" + RegistryClient.uniqueName("x") + "\"}").expect(403);
    }

    @Test
    void everyLoginStartsANewSessionAndTheOldOneIsGone() {
        ApiClient.TestUser user = admin.newUser("rotate");
        Session first = Session.login(anonymous, user.username(), user.password());
        Session second = Session.login(first.client(), user.username(), user.password());
        assertNotEquals(first.cookie(), second.cookie(), "a login with an existing session gets a new session id");
        first.client().get("/api/v2.0/users/current").expect(401);
        second.client().get("/api/v2.0/users/current").expect(200);
    }

    @Test
    void logoutEndsTheSession() {
        ApiClient.TestUser user = admin.newUser("logout");
        Session session = Session.login(anonymous, user.username(), user.password());
        session.client().get("/api/v2.0/users/current").expect(200);
        session.client().get("/c/log_out").expect(200);
        session.client().get("/api/v2.0/users/current").expect(401);
        anonymous.get("/c/log_out").expect(200);
    }

    @Test
    void aDeletedUserLosesItsSession() {
        ApiClient.TestUser user = admin.newUser("gone");
        Session session = Session.login(anonymous, user.username(), user.password());
        session.client().get("/api/v2.0/users/current").expect(200);
        admin.delete("/api/v2.0/users/" + user.id()).expect(200);
        session.client().get("/api/v2.0/users/current").expect(401);
    }

    @Test
    void anAdministratorFlagChangeAppliesToTheNextSessionRequest() {
        ApiClient.TestUser user = admin.newUser("promoted");
        Session session = Session.login(anonymous, user.username(), user.password());
        session.client().get("/api/v2.0/users").expect(403);
        admin.put("/api/v2.0/users/" + user.id() + "/sysadmin", "{\"sysadmin_flag\":true}").expect(200);
        session.client().get("/api/v2.0/users").expect(200);
        admin.put("/api/v2.0/users/" + user.id() + "/sysadmin", "{\"sysadmin_flag\":false}").expect(200);
        session.client().get("/api/v2.0/users").expect(403);
    }

    @Test
    void wrongBasicCredentialsAre401WithoutSayingWhy() {
        ApiClient.TestUser user = admin.newUser("basic401");
        ApiClient.Response wrong = anonymous.as(user.username(), "Wrong-Passw0rd").get("/api/v2.0/projects").expect(401);
        ApiClient.Response unknown = anonymous.as(RegistryClient.uniqueName("nobody"), "Wrong-Passw0rd").get("/api/v2.0/projects").expect(401);
        ApiClient.Response malformed = anonymous.with("Authorization", "Basic %%%not-base64").get("/api/v2.0/projects").expect(401);
        ApiClient.Response noColon = anonymous.with("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("justaname".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get("/api/v2.0/projects").expect(401);
        assertEquals("UNAUTHORIZED", wrong.errorCode());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.body(), malformed.body());
        assertEquals(wrong.body(), noColon.body());
        ApiClient.Response bearer = anonymous.with("Authorization", "Bearer not-for-the-api").get("/api/v2.0/projects").expect(401);
        assertEquals(wrong.body(), bearer.body(), "a client that sent credentials never gets anonymous answers");
        assertNotNull(wrong.header("X-Request-Id"));
    }

    /** A logged-in console session: the cookie to send and the CSRF token the login handed out. */
    record Session(String cookie, String csrfToken, ApiClient client) {

        static Session login(ApiClient base, String username, String password) {
            ApiClient.Response login = base.login(username, password).expect(200);
            String cookie = setCookie(login, SESSION_COOKIE).map(SessionIT::cookieValue)
                    .orElseThrow(() -> new AssertionError("no session cookie"));
            String token = login.header(CSRF_HEADER);
            return new Session(cookie, token, ApiClient.anonymous(base.server()).with("Cookie", SESSION_COOKIE + "=" + cookie));
        }

        ApiClient withToken() {
            return client.with(CSRF_HEADER, csrfToken);
        }
    }

    static Optional<String> setCookie(ApiClient.Response response, String name) {
        return response.allHeaders("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    static String cookieValue(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1);
    }
}
