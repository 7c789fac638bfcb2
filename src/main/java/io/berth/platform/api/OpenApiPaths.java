package io.berth.platform.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Writes the JAX-RS path templates of {@code /openapi} as OpenAPI path templates. Payara copies {@code @Path}
 * verbatim, so a regular expression such as {@code {gc_id: [0-9]+}} or {@code {name: .+}} would reach clients
 * as part of the path; OpenAPI knows only {@code {gc_id}}. A variable whose expression is a plain word
 * ({@code {list: list$}}, the OCI tags route) matches only that word, so it is written as the word.
 * Payara also lists a class's {@code @Tag} once per resource class, and OpenAPI wants tag names unique, so each
 * name is kept once. Registered as {@code mp.openapi.filter} in {@code microprofile-config.properties}.
 */
public class OpenApiPaths implements OASFilter {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+):\\s*([^}]+)}");
    private static final Pattern WORD = Pattern.compile("\\^?(\\w+)\\$?");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            Map<String, Tag> byName = new LinkedHashMap<>();
            openAPI.getTags().forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
            openAPI.setTags(new ArrayList<>(byName.values()));
        }
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        Map<String, PathItem> rewritten = new LinkedHashMap<>();
        paths.getPathItems().forEach((path, item) -> rewritten.merge(template(path), item, OpenApiPaths::merged));
        paths.setPathItems(rewritten);
    }

    /** {@code /system/gc/{gc_id: [0-9]+}/log} as {@code /system/gc/{gc_id}/log}. */
    static String template(String path) {
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            Matcher word = WORD.matcher(variable.group(2).strip());
            String replacement = word.matches() ? word.group(1) : "{" + variable.group(1) + "}";
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(out);
        return out.toString();
    }

    /** Two JAX-RS templates that differ only in their expressions are one OpenAPI path: keep every operation. */
    private static PathItem merged(PathItem first, PathItem second) {
        second.getOperations().forEach(first::setOperation);
        return first;
    }
}
