package io.berth.quota.boundary;

import java.util.Map;

/** Harbor's {@code QuotaUpdateReq}: {@code {"hard":{"storage":n}}}, the new limit in bytes, -1 for none. */
public record QuotaUpdateRequest(Map<String, Long> hard) {
}
