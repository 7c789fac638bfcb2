package io.berth.registry.entity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL grammar of {@code /v2/}: which kind of endpoint a path names and, for the repository endpoints, the
 * repository name in it. The JAX-RS resources take their {@code @Path} templates from the constants here, and the
 * authentication filter in front of them parses paths with {@link #parse}, whose patterns are built from the same
 * templates: one source of truth, so that the repository a request is authorised for is the repository the
 * resource then serves.
 * <p>
 * A repository name may contain slashes, so it is matched with {@code .+}, greedily: the name ends at the
 * <em>last</em> {@code /blobs/}, {@code /manifests/}, {@code /tags/list}, {@code /referrers/} or
 * {@code /blobs/uploads}. Each template anchors its last segment with {@code $}, so a repository called, say,
 * {@code team/manifests/x} is never mistaken for a manifest path. The name's grammar is checked by
 * {@link RepositoryName}, which answers NAME_INVALID instead of a bare 404.
 *
 * @param kind what the path names
 * @param name the repository name as it appears in the path (grammar not checked), for {@link Kind#REPOSITORY}
 */
public record RegistryRoute(Kind kind, String name) {

    /** The kinds of {@code /v2/} endpoint, as far as authorisation cares. */
    public enum Kind {
        /** {@code /v2/}: the version check. */
        BASE,
        /** {@code /v2/_catalog}. */
        CATALOG,
        /** Everything under {@code /v2/<name>/}: blobs, uploads, manifests, tags, referrers. */
        REPOSITORY,
        /** A path no resource serves (JAX-RS answers 404). */
        NONE
    }

    public static final String NAME = "{name: .+}";
    public static final String BLOB = NAME + "/blobs/{digest: [^/]+$}";
    /** The upload collection: {@code POST} starts an upload here. */
    public static final String UPLOADS = NAME + "/blobs/uploads";
    /** One upload session, relative to {@link #UPLOADS}. */
    public static final String UPLOAD = "{uuid: [^/]+$}";
    public static final String MANIFEST = NAME + "/manifests/{reference: [^/]+$}";
    public static final String TAGS = NAME + "/tags/{list: list$}";
    public static final String REFERRERS = NAME + "/referrers/{digest: [^/]+$}";
    public static final String CATALOG = "_catalog";

    /** A JAX-RS template variable, {@code {name: regex}}. */
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{(\\w+): ([^}]+)}");
    /** The repository routes, most literal first as JAX-RS ranks them (for a path two of them match, the name is the same). */
    private static final List<Pattern> REPOSITORY_ROUTES = List.of(
            regex(UPLOADS + "/" + UPLOAD), regex(UPLOADS), regex(TAGS), regex(MANIFEST), regex(REFERRERS), regex(BLOB));

    /**
     * The route of {@code path}, the part after {@code /v2} ({@code ""}, {@code "/"}, {@code "/_catalog"},
     * {@code "/library/nginx/manifests/latest"}), decoded as the servlet container hands it over.
     */
    public static RegistryRoute parse(String path) {
        String p = path == null ? "" : path;
        if (p.isEmpty() || p.equals("/")) {
            return new RegistryRoute(Kind.BASE, null);
        }
        if (p.equals("/" + CATALOG) || p.equals("/" + CATALOG + "/")) {
            return new RegistryRoute(Kind.CATALOG, null);
        }
        for (Pattern route : REPOSITORY_ROUTES) {
            Matcher m = route.matcher(p);
            if (m.matches()) {
                return new RegistryRoute(Kind.REPOSITORY, m.group("name"));
            }
        }
        return new RegistryRoute(Kind.NONE, null);
    }

    /**
     * A JAX-RS template as a Java pattern on the whole path: {@code {name: re}} becomes the named group
     * {@code (?<name>re)}, other variables plain groups, literal text is quoted; the leading slash of the path
     * and one trailing slash (which JAX-RS tolerates on a resource path) are allowed.
     */
    static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder("/");
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        int literalStart = 0;
        while (variable.find()) {
            if (variable.start() > literalStart) {
                regex.append(Pattern.quote(template.substring(literalStart, variable.start())));
            }
            String group = variable.group(1).equals("name") ? "(?<name>" : "(?:";
            regex.append(group).append(variable.group(2)).append(')');
            literalStart = variable.end();
        }
        if (literalStart < template.length()) {
            regex.append(Pattern.quote(template.substring(literalStart)));
        }
        return Pattern.compile(regex.append("/?").toString());
    }
}
