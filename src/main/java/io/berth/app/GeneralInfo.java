package io.berth.app;

import java.time.Instant;

/**
 * Harbor's {@code GeneralInfo} ({@code GET /systeminfo}). Anonymous callers get what a login page needs
 * (authentication mode, self-registration, banner, time); signed-in callers also the URLs, the project creation
 * restriction, the version and the storage driver, as Harbor splits it. Absent parts are null and left out.
 */
public record GeneralInfo(String bannerMessage, Instant currentTime, String registryUrl, String externalUrl,
        String authMode, Boolean primaryAuthMode, String projectCreationRestriction, Boolean selfRegistration,
        Boolean hasCaRoot, String harborVersion, String registryStorageProviderName, Boolean readOnly,
        Boolean notificationEnable) {
}
