package io.berth.platform;

import io.berth.storage.spi.StorageDriver;
import io.berth.storage.spi.StorageDriverFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Makes the configured {@link StorageDriver} injectable; one instance per node. */
@ApplicationScoped
public class StorageProducer {

    @Inject
    BerthConfig config;

    private volatile StorageDriver driver;

    @Produces
    public StorageDriver storageDriver() {
        StorageDriver d = driver;
        if (d == null) {
            synchronized (this) {
                d = driver;
                if (d == null) {
                    d = StorageDriverFactory.create(config.storageDriver(), config.dataDirectory());
                    driver = d;
                }
            }
        }
        return d;
    }
}
