package racecourse.race.instrument;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Code the detector leaves alone because of where it was loaded from: a jar, or a folder and everything under
 * it (for a grader, its own tests and harness), whatever the classes are named. Thread-safe: immutable.
 */
public final class SourceExclusions {
    private final List<Path> roots;

    /** Creates the exclusions for these jars and folders (relative paths are taken from the working folder). */
    public SourceExclusions(List<Path> roots) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Returns whether no location is excluded. */
    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** Returns whether a class of this protection domain was loaded from an excluded jar or folder. */
    public boolean excludes(ProtectionDomain domain) {
        if (roots.isEmpty() || domain == null) return false;
        CodeSource source = domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) return false;
        Path path;
        try {
            path = Path.of(location.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
        for (Path root : roots) {
            if (path.startsWith(root)) return true;
        }
        return false;
    }
}
