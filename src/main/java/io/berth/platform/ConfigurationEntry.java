package io.berth.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One runtime setting (Harbor's configuration item), a string value under a key such as {@code auth_mode}. */
@Entity
@Table(name = "configuration")
public class ConfigurationEntry {

    @Id
    @Column(name = "config_key", length = 128)
    private String key;

    @Column(name = "config_value")
    private String value;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected ConfigurationEntry() {
    }

    public ConfigurationEntry(String key, String value, Instant now) {
        this.key = key;
        this.value = value;
        this.updateTime = now;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public void setValue(String value, Instant now) {
        this.value = value;
        this.updateTime = now;
    }
}
