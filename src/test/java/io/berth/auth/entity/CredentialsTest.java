package io.berth.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void basicCredentialsSplitAtTheFirstColon() {
        String header = "Basic " + Base64.getEncoder().encodeToString("robot$p+ci:se:cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Credentials.Basic("robot$p+ci", "se:cret"), Credentials.parse(header));
        assertEquals(new Credentials.Basic("robot$p+ci", "se:cret"), Credentials.parse(header.replace("Basic", "basic")));
    }

    @Test
    void bearerTokens() {
        assertEquals(new Credentials.Bearer("abc.def.ghi"), Credentials.parse("Bearer abc.def.ghi"));
    }

    @Test
    void nothingAndNonsense() {
        assertInstanceOf(Credentials.None.class, Credentials.parse(null));
        assertInstanceOf(Credentials.None.class, Credentials.parse(" "));
        assertInstanceOf(Credentials.Unsupported.class, Credentials.parse("Digest x"));
        assertInstanceOf(Credentials.Unsupported.class, Credentials.parse("Basic !!!"));
        assertInstanceOf(Credentials.Unsupported.class, Credentials.parse("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())));
        assertInstanceOf(Credentials.Unsupported.class, Credentials.parse("Bearer"));
        assertInstanceOf(Credentials.Unsupported.class, Credentials.parse("Bearer " + "x".repeat(Credentials.MAX_LENGTH)));
    }

    @Test
    void secretsStayOutOfToString() {
        assertFalse(new Credentials.Basic("admin", "s3cret").toString().contains("s3cret"));
        assertFalse(new Credentials.Bearer("tok.en.value").toString().contains("tok.en"));
    }
}
