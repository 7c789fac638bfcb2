package io.berth.rbac.boundary;

/** Harbor's {@code UserSearchRespItem}: id and name, nothing else (no e-mail; CVE-2020-13794). */
public record UserSearchItem(long userId, String username) {
}
