package io.berth.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * Encrypts secret settings (the LDAP bind password, ...) before they reach the database, with AES-GCM under
 * a key that is not in the database: {@code berth.settings.key} (base64, 32 bytes) when configured, else a key
 * generated on first start into {@code <data dir>/keys/settings.key} (mode 600). Nodes that share the data
 * directory or the configuration share the key. A database dump alone reveals no credential.
 */
@ApplicationScoped
public class SettingsCipher {

    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;

    @Inject
    BerthConfig berth;

    private SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @PostConstruct
    void load() {
        Config config = BerthConfig.config();
        var configured = config.getOptionalValue("berth.settings.key", String.class).filter(s -> !s.isBlank());
        key = configured.isPresent()
                ? new SecretKeySpec(Base64.getDecoder().decode(configured.get().strip()), "AES")
                : fromFile(berth.dataDirectory().resolve("keys").resolve("settings.key"));
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a setting", e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a stored setting: was berth.settings.key changed?", e);
        }
    }

    private static SecretKey fromFile(Path file) {
        try {
            byte[] encoded = KeyFiles.readOrCreate(file, () -> {
                try {
                    KeyGenerator generator = KeyGenerator.getInstance("AES");
                    generator.init(256);
                    return Base64.getEncoder().encode(generator.generateKey().getEncoded());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
            return new SecretKeySpec(Base64.getDecoder().decode(new String(encoded, StandardCharsets.US_ASCII).strip()), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
