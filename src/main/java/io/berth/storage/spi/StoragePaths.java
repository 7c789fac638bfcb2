package io.berth.storage.spi;

/**
 * The one definition of a valid storage path, shared by all drivers so that a path accepted by the
 * in-memory driver in tests is accepted by the filesystem driver in production, and so that no path
 * can escape a filesystem root ({@code ..}, absolute paths, backslashes) or alias another path
 * ({@code .}, empty components).
 */
public final class StoragePaths {

    /** Top-level name reserved for drivers' scratch space (temp files, subtrees being deleted). */
    public static final String RESERVED_ROOT = "_tmp";

    private StoragePaths() {
    }

    /**
     * Returns {@code path} if it names an object or directory below the root.
     *
     * @throws IllegalArgumentException if it is empty or malformed
     */
    public static String validate(String path) {
        if (path == null) {
            throw new IllegalArgumentException("storage path must not be null");
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("storage path must not be empty (the root is not allowed here)");
        }
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("storage path contains a backslash or NUL: " + path);
        }
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("storage path must be relative: " + path);
        }
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String component = path.substring(start, end);
            if (component.isEmpty() || component.equals(".") || component.equals("..")) {
                throw new IllegalArgumentException("storage path has an empty, '.' or '..' component: " + path);
            }
            if (start == 0 && component.equals(RESERVED_ROOT)) {
                throw new IllegalArgumentException("storage path uses the reserved top-level name '"
                        + RESERVED_ROOT + "': " + path);
            }
            start = end + 1;
        }
        return path;
    }

    /** Like {@link #validate} but also accepts {@code ""}, the root. */
    public static String validateOrRoot(String path) {
        return "".equals(path) ? path : validate(path);
    }

    /** The path of child {@code name} of directory {@code parent} ({@code ""} being the root). */
    public static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
