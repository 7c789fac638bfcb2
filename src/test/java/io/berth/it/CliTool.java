package io.berth.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One external command-line tool (skopeo, podman, umoci) as the client tests run it: a base command with
 * fixed global flags and environment, each call bounded by a timeout, stdout and stderr captured so that an
 * assertion message can say what the tool said. Nothing is read from or written to the terminal.
 * <pre>
 * CliTool skopeo = new CliTool(List.of("skopeo", "--insecure-policy"), Map.of("TMPDIR", tmp.toString()));
 * CliTool.Result copied = skopeo.ok("copy", "oci:" + layout + ":v1", "docker://" + authority + "/library/x:v1");
 * CliTool.Result missing = skopeo.run("inspect", "docker://" + authority + "/library/x:nope");
 * assertNotEquals(0, missing.exitCode(), missing.describe());
 * </pre>
 */
public final class CliTool {

    /** Long enough for a few MiB through a registry on a slow CI machine, short enough that a hang fails the test. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> baseCommand;
    private final Map<String, String> environment;
    private final Duration timeout;

    public CliTool(List<String> baseCommand, Map<String, String> environment) {
        this(baseCommand, environment, DEFAULT_TIMEOUT);
    }

    public CliTool(List<String> baseCommand, Map<String, String> environment, Duration timeout) {
        this.baseCommand = List.copyOf(baseCommand);
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /** What one call did: the full command line, its exit code and everything it printed. */
    public record Result(List<String> command, int exitCode, byte[] stdoutBytes, String stderr) {

        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        /** For assertion messages: the command, the exit code and both streams (stdout shortened). */
        public String describe() {
            String out = stdout();
            if (out.length() > 4000) {
                out = out.substring(0, 4000) + "... (" + out.length() + " chars)";
            }
            return "`" + String.join(" ", command) + "` exited with " + exitCode
                    + "\n--- stderr:\n" + stderr + "\n--- stdout:\n" + out;
        }
    }

    /** Runs the tool with these arguments after the base command; any exit code is returned, not judged. */
    public Result run(String... arguments) {
        List<String> command = new ArrayList<>(baseCommand);
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot start `" + String.join(" ", command) + "` (is " + command.get(0)
                    + " installed? apt-get install -y skopeo podman umoci): " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close(); // no tool gets to wait for input
        } catch (IOException e) {
            // it exited already; waitFor says how
        }
        // Both streams are drained concurrently so that a chatty tool never blocks on a full pipe.
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within " + timeout
                        + "\n--- stderr so far:\n" + text(stderr) + "\n--- stdout so far:\n" + text(stdout));
            }
            return new Result(command, process.exitValue(), bytes(stdout), text(stderr));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** Runs the tool and fails the test, with the tool's output in the message, unless it exits with 0. */
    public Result ok(String... arguments) {
        Result result = run(arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    /** A copy of this tool with more environment variables. */
    public CliTool withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new CliTool(baseCommand, merged, timeout);
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, command -> Thread.ofVirtual().start(command));
    }

    private static byte[] bytes(CompletableFuture<byte[]> stream) {
        try {
            // The process has exited; its pipes close at once unless a grandchild still holds them.
            return stream.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return ("(output not readable: " + e + ")").getBytes(StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        }
    }

    private static String text(CompletableFuture<byte[]> stream) {
        return new String(bytes(stream), StandardCharsets.UTF_8);
    }
}
