package io.berth.rbac.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a permission is about, with Harbor's wire names ({@code src/common/rbac/const.go}). Some names exist
 * at both levels (a project's {@code robot} and the system's {@code robot}); the level comes from the
 * namespace a permission is granted in, not from the resource.
 */
public enum Resource {
    /** The project itself (Harbor's {@code ResourceSelf}, the empty name). */
    PROJECT_SELF(""),
    MEMBER("member"),
    METADATA("metadata"),
    LOG("log"),
    LABEL("label"),
    QUOTA("quota"),
    REPOSITORY("repository"),
    TAG_RETENTION("tag-retention"),
    IMMUTABLE_TAG("immutable-tag"),
    CONFIGURATION("configuration"),
    ROBOT("robot"),
    NOTIFICATION_POLICY("notification-policy"),
    SCAN("scan"),
    SBOM("sbom"),
    SCANNER("scanner"),
    ARTIFACT("artifact"),
    ARTIFACT_ADDITION("artifact-addition"),
    TAG("tag"),
    ACCESSORY("accessory"),
    ARTIFACT_LABEL("artifact-label"),
    PREHEAT_POLICY("preheat-policy"),
    EXPORT_CVE("export-cve"),
    // System-level resources.
    AUDIT_LOG("audit-log"),
    CATALOG("catalog"),
    GARBAGE_COLLECTION("garbage-collection"),
    JOBSERVICE_MONITOR("jobservice-monitor"),
    LDAP_USER("ldap-user"),
    PREHEAT_INSTANCE("preheat-instance"),
    PROJECT("project"),
    PURGE_AUDIT("purge-audit"),
    REGISTRY("registry"),
    REPLICATION("replication"),
    REPLICATION_ADAPTER("replication-adapter"),
    REPLICATION_POLICY("replication-policy"),
    SCAN_ALL("scan-all"),
    SECURITY_HUB("security-hub"),
    SYSTEM_CVE_ALLOWLIST("system-cve-allowlist"),
    SYSTEM_VOLUMES("system-volumes"),
    USER("user"),
    USER_GROUP("user-group");

    private final String value;

    Resource(String value) {
        this.value = value;
    }

    /** Harbor's name of the resource, as the API and robot permissions spell it. */
    public String value() {
        return value;
    }

    public static Optional<Resource> ofValue(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }
}
