package io.berth.auth.control;

import io.berth.platform.BerthConfig;
import io.berth.platform.KeyFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The RSA key pair that signs registry tokens. It comes from {@code berth.token.private.key} (the path of a PEM
 * PKCS#8 private key, as {@code openssl genpkey -algorithm RSA} writes it) when that is set, else from
 * {@code <data dir>/keys/token-private.pem}, generated on the first start (mode 600, via {@link KeyFiles}), so every
 * node that shares the data directory or the configuration signs and verifies with the same key. Keys shorter than
 * {@link #MIN_BITS} are refused at start-up rather than used.
 * <p>
 * The key is loaded when the application starts, so a missing or broken key file stops the deployment instead of
 * failing the first {@code docker login}, and key generation does not delay a client.
 */
@ApplicationScoped
public class SigningKeys {

    static final int MIN_BITS = 2048;
    /** Generated keys: 3072 bits, NIST's size for use beyond 2030; signing stays in the low milliseconds. */
    static final int GENERATED_BITS = 3072;
    static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final Logger LOGGER = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    BerthConfig berth;

    private RSAPrivateCrtKey privateKey;
    private RSAPublicKey publicKey;
    private String keyId;

    @PostConstruct
    void load() {
        Optional<Path> configured = ConfigProvider.getConfig(SigningKeys.class.getClassLoader())
                .getOptionalValue("berth.token.private.key", String.class)
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s.strip()).toAbsolutePath());
        Path file = configured.orElseGet(() -> berth.dataDirectory().resolve("keys").resolve("token-private.pem"));
        try {
            byte[] pem = configured.isPresent() ? Files.readAllBytes(file) : KeyFiles.readOrCreate(file, SigningKeys::generate);
            privateKey = parsePkcs8(new String(pem, StandardCharsets.US_ASCII), file);
            publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key of " + file, e);
        }
        if (publicKey.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalStateException("the token signing key " + file + " has " + publicKey.getModulus().bitLength()
                    + " bits; at least " + MIN_BITS + " are required");
        }
        keyId = KeyIds.libtrust(publicKey);
        LOGGER.log(Level.INFO, "Registry tokens are signed with the RSA key {0} ({1} bits, from {2})",
                new Object[] {keyId, publicKey.getModulus().bitLength(), file});
    }

    /** Keys for tests without a container. */
    static SigningKeys of(RSAPrivateCrtKey key) {
        SigningKeys keys = new SigningKeys();
        keys.privateKey = key;
        try {
            keys.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        keys.keyId = KeyIds.libtrust(keys.publicKey);
        return keys;
    }

    /** Loads the key when the application starts (an {@code @ApplicationScoped} bean is otherwise made on first use). */
    void onStart(@Observes Startup startup) {
        keyId();
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The libtrust key ID of the public key: the {@code kid} of every token. */
    public String keyId() {
        return keyId;
    }

    /** A PEM PKCS#8 RSA private key; a PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) file is refused with the fix in the message. */
    static RSAPrivateCrtKey parsePkcs8(String pem, Path source) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            String hint = pem.contains("BEGIN RSA PRIVATE KEY")
                    ? " (it is PKCS#1; convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem)" : "";
            throw new IllegalStateException(source + " is not a PEM PKCS#8 private key" + hint);
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key) {
                return key;
            }
            throw new IllegalStateException(source + " holds an RSA key without its CRT parameters; cannot derive the public key");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not a readable RSA PKCS#8 private key", e);
        }
    }

    /** A new key pair's private key as PEM PKCS#8. */
    static byte[] generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_BITS);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return (PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n").getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is part of every JDK", e);
        }
    }
}
