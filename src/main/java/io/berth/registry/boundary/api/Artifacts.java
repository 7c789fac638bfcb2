package io.berth.registry.boundary.api;

import io.berth.platform.api.ApiException;
import io.berth.platform.api.Likes;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.platform.api.QueryFields;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.registry.control.ContentLookup;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactLabel;
import io.berth.registry.entity.ArtifactReference;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.HarborTypes;
import io.berth.registry.entity.MediaTypes;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Harbor's artifacts of one repository: list, read, delete, and the accessories of one artifact. Listing and
 * reading need {@code artifact:list}/{@code artifact:read}, deleting {@code artifact:delete}, accessories
 * {@code accessory:list}.
 * <p>
 * A listing shows top-level artifacts, as Harbor's does: children of an image index appear as its
 * {@code references}, and accessories (signatures, SBOMs; referrers and cosign's tag-scheme signatures alike) under
 * {@code accessories} of their subject; the
 * {@code q} term {@code base=*} lists every artifact. Other {@code q} keys: {@code digest}, {@code media_type},
 * {@code manifest_media_type}, {@code artifact_type}, {@code size}, {@code push_time}, {@code pull_time} (ranges
 * work for sizes and times), {@code tags} ({@code *} tagged, {@code nil} untagged, else a tag name, also fuzzy
 * or any-of), {@code labels} (label ids; {@code (1 2)} needs all, {@code {1 2}} any) and {@code type} (Harbor's
 * artifact type, {@code IMAGE}, {@code CHART}, {@code CNAB} or another, also any-of). {@code sort} by
 * {@code push_time}, {@code pull_time}, {@code size}, {@code digest}; newest push first by default.
 * <p>
 * {@link #contents} is Berth's own: the layers, build history and index children of one artifact, read from the
 * store with the artifact's read permission.
 */
@ApplicationScoped
public class Artifacts {

    static final Permission LIST = Permission.of(Resource.ARTIFACT, Action.LIST);
    static final Permission READ = Permission.of(Resource.ARTIFACT, Action.READ);
    static final Permission DELETE = Permission.of(Resource.ARTIFACT, Action.DELETE);
    static final Permission LIST_ACCESSORIES = Permission.of(Resource.ACCESSORY, Action.LIST);

    static final QueryFields FIELDS = QueryFields.builder()
            .both("digest", "digest")
            .filter("media_type", "mediaType")
            .filter("manifest_media_type", "manifestMediaType")
            .filter("artifact_type", "artifactType")
            .both("size", "size")
            .both("push_time", "pushTime")
            .both("pull_time", "pullTime")
            .build();
    /** Keys evaluated here rather than mapped to a column. */
    private static final Set<String> OWN_KEYS = Set.of("tags", "labels", "base", "type");

    @PersistenceContext
    EntityManager em;

    @Inject
    ProjectGuard guard;

    @Inject
    ContentLookup lookup;

    @Inject
    ArtifactViews views;

    @Inject
    ContentRemoval removal;

    @Inject
    ArtifactContents contents;

    /** A repository and the project it is in, found for a caller allowed {@code permission} there. */
    record Located(Project project, Repository repository) {
        RepositoryName name() {
            return new RepositoryName(repository.name());
        }
    }

    public Listing<ArtifactView> list(Caller caller, String projectName, String path, PageRequest page, String q,
            String sort, ArtifactViews.Flags flags) {
        Set<String> keys = new HashSet<>(FIELDS.filterKeys());
        keys.addAll(OWN_KEYS);
        ListQuery query = ListQuery.parse(q, sort, keys, FIELDS.sortKeys());
        Repository repository = locate(caller, projectName, path, LIST).repository();

        // The page's ids first, then its rows: sorting ids and sort keys only, rather than whole rows with their
        // annotations (a CLOB), keeps the first page of a repository of 10,000 artifacts cheap.
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> select = cb.createQuery(Long.class);
        Root<Artifact> root = select.from(Artifact.class);
        select.select(root.get("id")).where(where(cb, select, root, repository, query))
                .orderBy(query.sort().isEmpty()
                        ? List.of(cb.desc(root.get("pushTime")), cb.desc(root.get("id")))
                        : FIELDS.orders(cb, root, query, "id"));
        List<Long> ids = em.createQuery(select).setFirstResult(page.offset()).setMaxResults(page.pageSize())
                .getResultList();
        List<Artifact> found = ids.isEmpty() ? List.of() : em.createQuery("SELECT a FROM Artifact a WHERE a.id IN :ids",
                Artifact.class).setParameter("ids", ids).getResultStream()
                .sorted(Comparator.comparingInt(a -> ids.indexOf(a.id()))).toList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Artifact> counted = count.from(Artifact.class);
        count.select(cb.count(counted)).where(where(cb, count, counted, repository, query));
        return new Listing<>(views.of(repository, found, flags), em.createQuery(count).getSingleResult());
    }

    public ArtifactView get(Caller caller, String projectName, String path, String reference, ArtifactViews.Flags flags) {
        Located located = locate(caller, projectName, path, READ);
        Artifact artifact = artifact(located, reference);
        return views.of(located.repository(), List.of(artifact), flags).getFirst();
    }

    /** What the artifact a tag or digest names is made of: layers and sizes, build history, index children. */
    public ArtifactContentView contents(Caller caller, String projectName, String path, String reference) {
        Located located = locate(caller, projectName, path, READ);
        return contents.of(located.repository(), artifact(located, reference));
    }

    /** Deletes the artifact a tag or digest names, with all its tags (Harbor deletes the artifact by tag too). */
    public void delete(Caller caller, String projectName, String path, String reference) {
        Located located = locate(caller, projectName, path, DELETE);
        Artifact artifact = artifact(located, reference);
        removal.deleteArtifact(located.name(), artifact.digest());
    }

    public Listing<AccessoryView> accessories(Caller caller, String projectName, String path, String reference,
            PageRequest page) {
        Located located = locate(caller, projectName, path, LIST_ACCESSORIES);
        Artifact artifact = artifact(located, reference);
        List<AccessoryView> all = views.accessories(located.repository(), List.of(artifact))
                .getOrDefault(artifact.digest().toString(), List.of());
        int from = Math.min(page.offset(), all.size());
        return new Listing<>(all.subList(from, Math.min(all.size(), from + page.pageSize())), all.size());
    }

    Located locate(Caller caller, String projectName, String path, Permission permission) {
        Project project = guard.require(caller, projectName, true, permission);
        Repository repository = lookup.repository(project, path)
                .orElseThrow(() -> ApiException.notFound("repository %s/%s not found", projectName, path));
        return new Located(project, repository);
    }

    Artifact artifact(Located located, String reference) {
        return lookup.artifact(located.repository(), reference)
                .orElseThrow(() -> ApiException.notFound("artifact %s:%s not found", located.repository().name(), reference));
    }

    private static Predicate[] where(CriteriaBuilder cb, AbstractQuery<?> query, Root<Artifact> root,
            Repository repository, ListQuery listQuery) {
        List<Predicate> predicates = new ArrayList<>(FIELDS.predicates(cb, root, listQuery));
        predicates.add(cb.equal(root.get("repositoryId"), repository.id()));
        ListQuery.Condition base = listQuery.filters().get("base");
        if (base == null) {
            Subquery<Long> children = query.subquery(Long.class);
            Root<ArtifactReference> reference = children.from(ArtifactReference.class);
            children.select(reference.get("childId")).where(cb.equal(reference.get("childId"), root.get("id")));
            predicates.add(cb.not(cb.exists(children)));
            // As ArtifactCounts.TOP_LEVEL: one NOT EXISTS per kind of subject, each on the (repository, digest) key and
            // settled by IS NULL for plain images, so a listing does not look through the repository once per row.
            for (String subjectColumn : List.of("subjectDigest", "signatureOf")) {
                Subquery<Long> subjects = query.subquery(Long.class);
                Root<Artifact> subject = subjects.from(Artifact.class);
                subjects.select(subject.get("id")).where(cb.equal(subject.get("repositoryId"), root.get("repositoryId")),
                        cb.equal(subject.get("digest"), root.get(subjectColumn)));
                predicates.add(cb.or(cb.isNull(root.get(subjectColumn)), cb.not(cb.exists(subjects))));
            }
        } else if (!(base instanceof ListQuery.Exact exact && "*".equals(exact.value()))) {
            throw ApiException.badRequest("base only takes *: base=* lists index children and accessories too");
        }
        ListQuery.Condition tags = listQuery.filters().get("tags");
        if (tags != null) {
            predicates.add(tagCondition(cb, query, root, tags));
        }
        ListQuery.Condition labels = listQuery.filters().get("labels");
        if (labels != null) {
            predicates.add(labelCondition(cb, query, root, labels));
        }
        ListQuery.Condition type = listQuery.filters().get("type");
        if (type != null) {
            List<String> types = switch (type) {
                case ListQuery.Exact exact -> List.of(exact.value());
                case ListQuery.AnyOf any -> any.values();
                default -> throw ApiException.badRequest("type takes a type name or {a b}: IMAGE, CHART, CNAB, ...");
            };
            predicates.add(cb.or(types.stream().map(t -> typeCondition(cb, root, t)).toArray(Predicate[]::new)));
        }
        return predicates.toArray(Predicate[]::new);
    }

    /**
     * Artifacts {@link HarborTypes#type} calls {@code type}, in SQL: images are image configs and indexes (save CNAB
     * bundles), charts have Helm's config, CNAB bundles a CNAB config or index type; any other name matches the
     * artifact type or the {@code application/vnd.<org>.<name>.config.<v>+json} config Harbor derives it from.
     */
    private static Predicate typeCondition(CriteriaBuilder cb, Root<Artifact> root, String type) {
        Expression<String> mediaType = root.get("mediaType");
        Expression<String> artifactType = root.get("artifactType");
        Predicate index = root.get("manifestMediaType").in(MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST);
        Predicate cnabIndex = cb.and(index, cb.equal(artifactType, HarborTypes.CNAB_MANIFEST));
        return switch (type.toUpperCase(Locale.ROOT)) {
            case HarborTypes.IMAGE -> cb.or(mediaType.in(MediaTypes.OCI_CONFIG, MediaTypes.DOCKER_CONFIG),
                    cb.and(index, cb.or(cb.isNull(artifactType), cb.notEqual(artifactType, HarborTypes.CNAB_MANIFEST))));
            case HarborTypes.CHART -> cb.equal(mediaType, MediaTypes.HELM_CHART_CONFIG);
            case HarborTypes.CNAB -> cb.or(cnabIndex, cb.like(mediaType, "application/vnd.cnab.%"));
            default -> cb.or(cb.equal(artifactType, type), cb.like(cb.lower(mediaType),
                    "application/vnd.%." + type.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                            + ".config.%", '!'));
        };
    }

    private static Predicate tagCondition(CriteriaBuilder cb, AbstractQuery<?> query, Root<Artifact> root,
            ListQuery.Condition condition) {
        Subquery<Long> tagged = query.subquery(Long.class);
        Root<ArtifactTag> tag = tagged.from(ArtifactTag.class);
        Predicate sameArtifact = cb.equal(tag.get("artifactId"), root.get("id"));
        Expression<String> name = tag.get("name");
        return switch (condition) {
            case ListQuery.Exact exact when "*".equals(exact.value()) -> cb.exists(tagged.select(tag.get("id")).where(sameArtifact));
            case ListQuery.Exact exact when "nil".equals(exact.value()) -> cb.not(cb.exists(tagged.select(tag.get("id")).where(sameArtifact)));
            case ListQuery.Exact exact -> cb.exists(tagged.select(tag.get("id")).where(sameArtifact, cb.equal(name, exact.value())));
            case ListQuery.Fuzzy fuzzy -> cb.exists(tagged.select(tag.get("id"))
                    .where(sameArtifact, cb.like(cb.lower(name), Likes.containing(fuzzy.value()), '!')));
            case ListQuery.AnyOf any -> cb.exists(tagged.select(tag.get("id")).where(sameArtifact, name.in(any.values())));
            default -> throw ApiException.badRequest("tags takes a name, ~name, {a b}, * (tagged) or nil (untagged)");
        };
    }

    private static Predicate labelCondition(CriteriaBuilder cb, AbstractQuery<?> query, Root<Artifact> root,
            ListQuery.Condition condition) {
        List<String> values = switch (condition) {
            case ListQuery.Exact exact -> List.of(exact.value());
            case ListQuery.AnyOf any -> any.values();
            case ListQuery.AllOf all -> all.values();
            default -> throw ApiException.badRequest("labels takes label ids: id, (id1 id2) or {id1 id2}");
        };
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(Long.valueOf(value));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("labels takes label ids, not %s", value);
            }
        }
        List<Predicate> each = new ArrayList<>();
        List<List<Long>> groups = condition instanceof ListQuery.AnyOf ? List.of(ids) : ids.stream().map(List::of).toList();
        for (List<Long> group : groups) {
            Subquery<Long> labelled = query.subquery(Long.class);
            Root<ArtifactLabel> label = labelled.from(ArtifactLabel.class);
            each.add(cb.exists(labelled.select(label.get("id"))
                    .where(cb.equal(label.get("artifactId"), root.get("id")), label.get("labelId").in(group))));
        }
        return cb.and(each.toArray(Predicate[]::new));
    }
}
