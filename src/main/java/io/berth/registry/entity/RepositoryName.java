package io.berth.registry.entity;

import java.util.regex.Pattern;

/**
 * The {@code <name>} of {@code /v2/<name>/...}: a repository, whose first path component is its project.
 * <p>
 * The grammar is the OCI Distribution Specification's,
 * {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*}, with the total length
 * below 256 characters (the specification's "less than 256"; distribution's limit is 255 as well). So
 * components are lower case, start and end with a letter or digit, and are separated inside by one
 * {@code .}, one or two {@code _}, or any number of {@code -}.
 * <p>
 * Berth, like Harbor, scopes every repository to a project: {@code library/nginx} is repository
 * {@code nginx} of project {@code library}, and {@code team/tools/cli} is {@code tools/cli} of
 * {@code team}. A single-component name ({@code nginx}) has no project and is rejected; Docker Hub's
 * implicit {@code library/} is a client-side convention that never reaches the registry.
 * <p>
 * The length is checked before the pattern runs and the pattern uses possessive quantifiers (each part can
 * only end where the next kind of character starts, so this changes no match), so hostile input of any
 * length is rejected in linear time without deep backtracking.
 *
 * @param value the full name, e.g. {@code library/nginx}
 */
public record RepositoryName(String value) {

    /** Longest accepted name, in characters, slashes included. */
    public static final int MAX_LENGTH = 255;

    private static final String COMPONENT = "[a-z0-9]++(?:(?:[._]|__|-++)[a-z0-9]++)*+";
    private static final Pattern GRAMMAR = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*+");

    /**
     * @throws RegistryException {@link OciErrorCode#NAME_INVALID} if {@code value} is not a valid
     *                           {@code <project>/<repository>} name
     */
    public RepositoryName {
        if (value == null || value.isEmpty()) {
            throw new RegistryException(OciErrorCode.NAME_INVALID, "repository name is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new RegistryException(OciErrorCode.NAME_INVALID, "repository name is " + value.length()
                    + " characters, at most " + MAX_LENGTH + " are allowed");
        }
        if (!GRAMMAR.matcher(value).matches()) {
            throw new RegistryException(OciErrorCode.NAME_INVALID, "invalid repository name "
                    + RegistryException.quote(value) + ": path components are lower-case letters and digits,"
                    + " separated by '.', '_', '__' or dashes, joined by '/'");
        }
        if (value.indexOf('/') < 0) {
            throw new RegistryException(OciErrorCode.NAME_INVALID, "repository name "
                    + RegistryException.quote(value) + " has no project: names are <project>/<repository>");
        }
    }

    /** Same as the constructor; reads better at call sites that parse request input. */
    public static RepositoryName parse(String value) {
        return new RepositoryName(value);
    }

    /** The project: the first path component ({@code library} of {@code library/nginx}). */
    public String project() {
        return value.substring(0, value.indexOf('/'));
    }

    /** The repository within the project: everything after the first slash ({@code tools/cli}). */
    public String path() {
        return value.substring(value.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
