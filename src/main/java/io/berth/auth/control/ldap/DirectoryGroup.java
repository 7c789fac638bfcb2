package io.berth.auth.control.ldap;

/** A group entry: its DN and its name (the value of {@code ldap_group_attribute_name}, {@code cn} by default). */
public record DirectoryGroup(String dn, String name) {
}
