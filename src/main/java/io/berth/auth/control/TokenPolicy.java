package io.berth.auth.control;

import io.berth.platform.RuntimeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The fixed terms of registry tokens, the same for the service that issues them and the filter that checks them:
 * service name and audience {@code harbor-registry} (what Docker clients and Harbor replication send), the issuer
 * ({@code berth.token.issuer}, Harbor's {@code harbor-token-issuer} by default), the lifetime (the runtime setting
 * {@code token_expiration}, in minutes, 30 by default, as Harbor) and the clock leeway on {@code exp}/{@code nbf}.
 */
@ApplicationScoped
public class TokenPolicy {

    /** The {@code service} of token requests and the {@code aud} of tokens. */
    public static final String SERVICE = "harbor-registry";
    static final String DEFAULT_ISSUER = "harbor-token-issuer";
    static final int DEFAULT_EXPIRATION_MINUTES = 30;
    /** Clock difference tolerated between nodes, and between issuing and checking (distribution's 60 s). */
    static final Duration LEEWAY = Duration.ofSeconds(60);

    @Inject
    RuntimeSettings settings;

    String issuer;

    @PostConstruct
    void read() {
        issuer = ConfigProvider.getConfig(TokenPolicy.class.getClassLoader())
                .getOptionalValue("berth.token.issuer", String.class)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(DEFAULT_ISSUER);
    }

    public String issuer() {
        return issuer;
    }

    /** How long a new token lives; a setting below one minute (or not a number) counts as the default. */
    public Duration expiration() {
        int minutes = settings.getInt("token_expiration", DEFAULT_EXPIRATION_MINUTES);
        return Duration.ofMinutes(minutes < 1 ? DEFAULT_EXPIRATION_MINUTES : minutes);
    }
}
