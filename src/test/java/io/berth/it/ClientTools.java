package io.berth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * skopeo and podman set up for one client test class, self-contained: their configuration (trust policy,
 * registries, credentials, podman's engine and storage settings) comes from files written into one directory
 * under the build directory rather than from {@code /etc/containers}, and what they write (temporary files,
 * podman's image store and event log) lands there too. The directory is emptied when the class starts and
 * kept afterwards, so that a failed run can be looked at.
 * <p>
 * Two things live elsewhere. podman's runroot must be a short path, so it is a temporary directory that
 * {@link #cleanUp()} removes. And run as root, containers/image keeps its blob-info cache (which registry
 * already has which blob) in {@code /var/lib/containers/cache}, which neither skopeo nor podman lets us move;
 * the tests do not depend on what it holds, as each pushes freshly made random content.
 * <pre>
 * ClientTools tools = ClientTools.forClass(ClientSkopeoIT.class, BerthServer.shared().authority());
 * tools.skopeo().ok("copy", "--dest-tls-verify=false", layout.reference("v1"), tools.docker("library/x:v1"));
 * CliTool podman = tools.podman("pull-test");
 * </pre>
 */
public final class ClientTools {

    private final Path directory;
    private final String authority;
    private final Path policy;
    private final Map<String, String> environment;
    private final List<Path> runroots = new ArrayList<>();

    private ClientTools(Path directory, String authority) throws IOException {
        this.directory = directory;
        this.authority = authority;
        this.policy = write(directory.resolve("policy.json"), """
                {"default": [{"type": "insecureAcceptAnything"}]}
                """);
        // Only the Berth under test, over plain HTTP; no search registries, so a short name fails fast.
        Path registries = write(directory.resolve("registries.conf"), """
                unqualified-search-registries = []

                [[registry]]
                location = "%s"
                insecure = true
                """.formatted(authority));
        // No credentials from the machine's own auth.json (podman insists that the file exists).
        Path auth = write(directory.resolve("auth.json"), """
                {"auths": {}}
                """);
        Path tmp = Files.createDirectories(directory.resolve("tmp"));
        this.environment = Map.of(
                "TMPDIR", tmp.toString(),
                "CONTAINERS_REGISTRIES_CONF", registries.toString(),
                "REGISTRY_AUTH_FILE", auth.toString());
    }

    /** Fresh tools for {@code testClass}, in {@code <build dir>/it-clients/<class name>}, emptied first. */
    public static ClientTools forClass(Class<?> testClass, String authority) {
        Path root = Path.of(System.getProperty("it.work.dir", "target/it-server")).toAbsolutePath().resolveSibling("it-clients");
        Path directory = root.resolve(testClass.getSimpleName());
        try {
            deleteRecursively(directory);
            return new ClientTools(Files.createDirectories(directory), authority);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code skopeo login} as {@code username}: it performs the {@code docker login} exchange (a token request with
     * Basic credentials and no scope) and stores the credentials in this class's auth file, where later skopeo and
     * podman calls find them, as after {@code podman login}.
     */
    public void login(String username, String password) {
        skopeo().ok("login", "--tls-verify=false", "--username", username, "--password", password, authority);
    }

    /** {@code skopeo logout}: later calls are anonymous again. */
    public void logout() {
        skopeo().ok("logout", authority);
    }

    /** The directory everything of this class lives in. */
    public Path directory() {
        return directory;
    }

    /** A new empty directory in {@link #directory()}, for one image layout or one scratch area. */
    public Path newDirectory(String prefix) {
        try {
            return Files.createDirectories(directory.resolve(prefix + "-" + UUID.randomUUID().toString().substring(0, 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code library/<prefix>-<random>}: a repository no other test uses, in the project every Berth has. */
    public static String uniqueRepository(String prefix) {
        return "library/" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code docker://<authority>/<repositoryAndReference>}, as skopeo names an image in a registry. */
    public String docker(String repositoryAndReference) {
        return "docker://" + image(repositoryAndReference);
    }

    /** {@code <authority>/<repositoryAndReference>}, as podman names an image in a registry. */
    public String image(String repositoryAndReference) {
        return authority + "/" + repositoryAndReference;
    }

    /** skopeo with the test's trust policy. */
    public CliTool skopeo() {
        return new CliTool(List.of("skopeo", "--policy", policy.toString()), environment);
    }

    /** {@code --signature-policy <file>}: podman has no global flag for it, pull and push take it. */
    public List<String> podmanPolicyFlag() {
        return List.of("--signature-policy", policy.toString());
    }

    /**
     * podman with its own image store in {@code <directory>/podman-<name>}: the vfs driver (no overlay mounts in a
     * container), cgroupfs (no systemd) and a file event log, all set both in a containers.conf and on the
     * command line so that neither the machine's configuration nor a missing systemd can interfere.
     */
    public CliTool podman(String name) {
        try {
            Path home = Files.createDirectories(directory.resolve("podman-" + name));
            Path root = home.resolve("root");
            // podman refuses a runroot longer than 50 characters (its socket paths must stay short), which
            // a build directory easily exceeds; the runroot holds only locks and state, and cleanUp() removes it.
            Path runroot = Files.createTempDirectory("berth-podman-");
            if (runroot.toString().length() > 50) {
                throw new IllegalStateException("podman needs a runroot of at most 50 characters; java.io.tmpdir gives " + runroot);
            }
            runroots.add(runroot);
            Path tmpdir = home.resolve("tmp");
            Path containersConf = write(home.resolve("containers.conf"), """
                    [engine]
                    cgroup_manager = "cgroupfs"
                    events_logger = "file"
                    events_logfile_path = "%s"
                    tmp_dir = "%s"
                    """.formatted(home.resolve("events.log"), tmpdir));
            Path storageConf = write(home.resolve("storage.conf"), """
                    [storage]
                    driver = "vfs"
                    graphroot = "%s"
                    runroot = "%s"
                    """.formatted(root, runroot));
            return new CliTool(List.of("podman",
                    "--root", root.toString(),
                    "--runroot", runroot.toString(),
                    "--tmpdir", tmpdir.toString(),
                    "--storage-driver", "vfs",
                    "--cgroup-manager=cgroupfs",
                    "--events-backend=file"),
                    environment).withEnvironment(Map.of(
                    "CONTAINERS_CONF", containersConf.toString(),
                    "CONTAINERS_STORAGE_CONF", storageConf.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what had to live outside {@link #directory()}: the podman runroots. */
    public void cleanUp() {
        try {
            for (Path runroot : runroots) {
                deleteRecursively(runroot);
            }
            runroots.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
