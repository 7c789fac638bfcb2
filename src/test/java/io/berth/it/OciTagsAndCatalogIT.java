package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.OciAssert.json;
import static io.berth.it.OciAssert.strings;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/<name>/tags/list} and {@code GET /v2/_catalog}: lexical order and paging with {@code n}, {@code last} and {@code Link}. */
class OciTagsAndCatalogIT {

    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>;\\s*rel=\"next\"$");

    /** Pushed in this order, listed in byte order. */
    private static final List<String> TAGS = List.of("v2", "latest", "Beta", "1.0", "v10", "_private", "alpha", "v1");
    private static final List<String> SORTED = List.of("1.0", "Beta", "_private", "alpha", "latest", "v1", "v10", "v2");

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void tagsAreListedInLexicalOrder() {
        String repository = taggedRepository();

        HttpResponse<byte[]> response = registry.get("/v2/" + repository + "/tags/list");

        assertStatus(200, response);
        assertTrue(header(response, "Content-Type").startsWith("application/json"));
        JsonObject body = json(response);
        assertEquals(repository, body.getString("name"));
        assertEquals(SORTED, strings(body, "tags"));
        assertNull(header(response, "Link"), "everything fits: no next page");
    }

    @Test
    void nPagesTheListAndLinkLeadsThroughIt() {
        String repository = taggedRepository();
        List<String> seen = new ArrayList<>();
        String next = "/v2/" + repository + "/tags/list?n=3";
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> page = registry.get(next);
            assertStatus(200, page);
            List<String> tags = strings(json(page), "tags");
            assertTrue(tags.size() <= 3, "page larger than n: " + tags);
            seen.addAll(tags);
            next = nextLink(page);
            pages++;
            assertTrue(pages <= SORTED.size(), "Link never ends");
        }
        assertEquals(SORTED, seen);
        assertEquals(3, pages);
    }

    @Test
    void lastStartsAfterTheGivenTag() {
        String repository = taggedRepository();

        HttpResponse<byte[]> afterBeta = registry.get("/v2/" + repository + "/tags/list?n=2&last=Beta");
        assertStatus(200, afterBeta);
        assertEquals(List.of("_private", "alpha"), strings(json(afterBeta), "tags"));
        String link = nextLink(afterBeta);
        assertNotNull(link);
        assertTrue(link.startsWith("/v2/" + repository + "/tags/list?"), link);
        assertTrue(link.contains("n=2"), link);
        assertTrue(link.contains("last=alpha"), link);

        HttpResponse<byte[]> rest = registry.get("/v2/" + repository + "/tags/list?last=latest");
        assertEquals(List.of("v1", "v10", "v2"), strings(json(rest), "tags"));
        assertNull(header(rest, "Link"));

        HttpResponse<byte[]> afterAll = registry.get("/v2/" + repository + "/tags/list?last=v2");
        assertStatus(200, afterAll);
        assertEquals(List.of(), strings(json(afterAll), "tags"));
    }

    @Test
    void theLastPageHasNoLink() {
        String repository = taggedRepository();

        HttpResponse<byte[]> exactlyAll = registry.get("/v2/" + repository + "/tags/list?n=" + SORTED.size());
        assertEquals(SORTED, strings(json(exactlyAll), "tags"));
        assertNull(header(exactlyAll, "Link"));

        HttpResponse<byte[]> moreThanAll = registry.get("/v2/" + repository + "/tags/list?n=100");
        assertEquals(SORTED, strings(json(moreThanAll), "tags"));
        assertNull(header(moreThanAll, "Link"));

        HttpResponse<byte[]> lastFullPage = registry.get("/v2/" + repository + "/tags/list?n=2&last=v1");
        assertEquals(List.of("v10", "v2"), strings(json(lastFullPage), "tags"));
        assertNull(header(lastFullPage, "Link"));
    }

    @Test
    void nZeroIsAnEmptyPage() {
        String repository = taggedRepository();

        HttpResponse<byte[]> response = registry.get("/v2/" + repository + "/tags/list?n=0");

        assertStatus(200, response);
        assertEquals(List.of(), strings(json(response), "tags"));
        assertNull(header(response, "Link"));
    }

    @Test
    void invalidNIsPaginationNumberInvalid() {
        String repository = taggedRepository();

        for (String n : List.of("-1", "abc", "1.5", "99999999999999999999")) {
            assertError(registry.get("/v2/" + repository + "/tags/list?n=" + n), 400, "PAGINATION_NUMBER_INVALID");
            assertError(registry.get("/v2/_catalog?n=" + n), 400, "PAGINATION_NUMBER_INVALID");
        }
    }

    @Test
    void tagsOfAnUnknownRepositoryAreNameUnknown() {
        assertError(registry.get("/v2/" + RegistryClient.uniqueRepository("tags-it") + "/tags/list"), 404, "NAME_UNKNOWN");
    }

    @Test
    void catalogListsRepositoriesInLexicalOrderAndPages() {
        String prefix = RegistryClient.uniqueRepository("catalog-it");
        List<String> repositories = List.of(prefix + "-c", prefix + "-a/nested", prefix + "-b", prefix + "-a");
        for (String repository : repositories) {
            registry.pushImage(repository, "v1", repository);
        }
        List<String> sorted = repositories.stream().sorted().toList();

        HttpResponse<byte[]> all = registry.get("/v2/_catalog");
        assertStatus(200, all);
        List<String> listed = strings(json(all), "repositories");
        assertEquals(listed.stream().sorted().toList(), listed, "the catalog is in lexical order");
        assertTrue(listed.containsAll(repositories), listed.toString());

        // Page through our part of the catalog: start just before our names.
        HttpResponse<byte[]> first = registry.get("/v2/_catalog?n=2&last=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        assertStatus(200, first);
        assertEquals(sorted.subList(0, 2), strings(json(first), "repositories"));
        String link = nextLink(first);
        assertNotNull(link, "more follow: a Link");
        assertTrue(link.startsWith("/v2/_catalog?"), link);

        HttpResponse<byte[]> second = registry.get(link);
        assertStatus(200, second);
        assertEquals(sorted.subList(2, 4), strings(json(second), "repositories").subList(0, 2));
    }

    @Test
    void catalogEdgesOfPaging() {
        HttpResponse<byte[]> zero = registry.get("/v2/_catalog?n=0");
        assertStatus(200, zero);
        assertEquals(List.of(), strings(json(zero), "repositories"));
        assertNull(header(zero, "Link"));

        HttpResponse<byte[]> pastTheEnd = registry.get("/v2/_catalog?n=5&last=zzzz");
        assertStatus(200, pastTheEnd);
        assertEquals(List.of(), strings(json(pastTheEnd), "repositories"));
        assertNull(header(pastTheEnd, "Link"));
    }

    /** A repository with one image tagged {@link #TAGS}. */
    private String taggedRepository() {
        String repository = RegistryClient.uniqueRepository("tags-it");
        RegistryClient.Image image = registry.pushImage(repository, TAGS.get(0), repository);
        for (String tag : TAGS.subList(1, TAGS.size())) {
            registry.pushManifest(repository, tag, OCI_MANIFEST, image.manifest());
        }
        return repository;
    }

    /** The target of {@code Link: <...>; rel="next"}, or null when there is no Link. */
    private static String nextLink(HttpResponse<byte[]> response) {
        String link = header(response, "Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link.trim());
        assertTrue(matcher.matches(), "Link header: " + link);
        return matcher.group(1);
    }
}
