package io.berth.rbac.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Map;

/**
 * Harbor's {@code ProjectReq}. Only these fields are ever read; anything else in a request body is ignored,
 * so no client can set what the API does not offer (mass assignment).
 *
 * @param publicAccess Harbor's deprecated top-level {@code public} flag, still sent by replication
 */
public record ProjectRequest(String projectName, @JsonbProperty("public") Boolean publicAccess, Map<String, String> metadata, Long storageLimit) {
}
