package racecourse.grader.gradescope;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.step.DetectorRaceCheck;

/**
 * Builds a Gradescope autograder bundle for one exercise: {@code setup.sh} (installs a JDK 25, nothing else),
 * {@code run_autograder} (grades {@code submission/*.ipynb} into {@code results/results.json} under
 * {@code $AUTOGRADER_ROOT}, default {@code /autograder}), the grader's jars in {@code lib/} and the instructor's
 * exercise in {@code course/}. Hidden tests travel in the bundle, which only the instructor uploads.
 * Not thread-safe: one bundle per instance.
 */
public final class Bundle {
    /** The main class {@code run_autograder} starts. */
    public static final String MAIN = "racecourse.grader.cli.GraderMain";

    private final Course course;
    private final Exercise exercise;

    /** A bundle of {@code exercise} from {@code course}. */
    public Bundle(Course course, String exercise) throws IOException {
        this.course = course;
        this.exercise = course.exercise(exercise);
    }

    /** Writes the bundle into {@code dir} (created; must be empty or new). */
    public void write(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; choose a new folder");
                }
            }
        }
        copyGraderJars(dir.resolve("lib"));
        Path agent = new DetectorRaceCheck(course.root()).agentJar();
        if (agent != null) {
            Files.createDirectories(dir.resolve("agent"));
            Files.copy(agent, dir.resolve("agent").resolve("racecourse-race.jar"));
        }
        Path exercises = dir.resolve("course").resolve("exercises");
        Files.createDirectories(dir.resolve("course").resolve("notebooks"));
        Files.createDirectories(exercises);
        Files.copy(exercise.notebook(), exercises.resolve(exercise.name() + ".ipynb"));
        copyTree(exercise.dir(), exercises.resolve(exercise.name()));
        script(dir.resolve("setup.sh"), setup());
        script(dir.resolve("run_autograder"), run());
    }

    /** Writes the bundle as a zip with the files at its top level, as Gradescope expects. */
    public void writeZip(Path zip) throws IOException {
        Path tmp = Files.createTempDirectory("racecourse-autograder-");
        try {
            Path dir = tmp.resolve("bundle");
            write(dir);
            try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o);
                    Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted().toList()) {
                    if (Files.isRegularFile(p)) {
                        z.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace(File.separatorChar, '/')));
                        Files.copy(p, z);
                        z.closeEntry();
                    }
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String setup() {
        return """
                #!/usr/bin/env bash
                # Gradescope runs this once when it builds the autograder image. It installs a JDK 25 and nothing
                # else: the grader's jars ship in lib/. The JDK comes from the Eclipse Adoptium (Temurin) Debian
                # repository, https://packages.adoptium.net/artifactory/deb (signing key:
                # https://packages.adoptium.net/artifactory/api/gpg/key/public).
                set -euo pipefail
                apt-get update
                apt-get install -y --no-install-recommends wget gnupg ca-certificates
                wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public \\
                  | gpg --dearmor > /usr/share/keyrings/adoptium.gpg
                codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
                echo "deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb $codename main" \\
                  > /etc/apt/sources.list.d/adoptium.list
                apt-get update
                apt-get install -y --no-install-recommends temurin-25-jdk
                # Record the child JVMs' class caches (docs/grading.md, "Throughput") by grading the reference
                # solution once; without them every grading still works, only its JVMs start more slowly.
                here="$(cd "$(dirname "$0")" && pwd)"
                /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-preview -Xmx256m -cp "$here/lib/*" %s %s \\
                  "$here/course/exercises/%s.ipynb" --course "$here/course" --record-caches > /dev/null || true
                """.formatted(MAIN, exercise.name(), exercise.name());
    }

    private String run() {
        return """
                #!/usr/bin/env bash
                # Grades the submitted notebook into results/results.json. AUTOGRADER_ROOT moves the whole tree
                # (default /autograder, Gradescope's layout); JAVA_HOME picks the JDK (default: Temurin 25 from
                # setup.sh). One grading peaks at about 600 MB resident (docs/grading.md), within Gradescope's
                # default 768 MB.
                set -uo pipefail
                root="${AUTOGRADER_ROOT:-/autograder}"
                here="$root/source"
                [ -d "$here/lib" ] || here="$(cd "$(dirname "$0")" && pwd)"
                java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
                mkdir -p "$root/results"
                export RACECOURSE_RACE_AGENT="$here/agent/racecourse-race.jar"
                submission=$(ls "$root"/submission/*.ipynb 2>/dev/null | head -n 1)
                if [ -z "$submission" ]; then
                  printf '%%s\\n' '{"score": 0, "output": "No .ipynb notebook was submitted: upload your exercise notebook.", "tests": []}' \\
                    > "$root/results/results.json"
                  exit 0
                fi
                "$java_home/bin/java" --enable-preview -Xmx256m -cp "$here/lib/*" %s %s "$submission" \\
                  --course "$here/course" --results "$root/results/results.json" \\
                  --feedback "$root/results/feedback.md"
                status=$?
                if [ ! -s "$root/results/results.json" ]; then
                  printf '%%s\\n' '{"score": 0, "output": "The grader failed (exit status '"$status"'); ask your instructor.", "tests": []}' \\
                    > "$root/results/results.json"
                fi
                exit 0
                """.formatted(MAIN, exercise.name());
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: Gradescope unpacks the zip and runs the scripts with bash anyway.
        }
    }

    /** Name prefixes of the jars the grader's own process needs at run time, beside its child JVMs' class path. */
    private static final List<String> RUNTIME = List.of("racecourse-grader", "racecourse-library",
            "racecourse-explore", "asm", "picocli", "junit-", "opentest4j", "apiguardian", "gson");

    /**
     * Copies the jars the grader runs from into {@code lib} (class folders, as when run from a build, are packed
     * into jars): the grader's own and every entry of its child JVMs' class path ({@link ChildJvm#classPath}), so
     * the bundle's children load what the grader's children load here. No kernel, no hidden tests (those are
     * compiled from the exercise folder at grading time).
     */
    public static void copyGraderJars(Path lib) throws IOException {
        Files.createDirectories(lib);
        Set<Path> child = new LinkedHashSet<>();
        for (String e : ChildJvm.classPath().split(File.pathSeparator)) {
            if (!e.isBlank()) child.add(Path.of(e).toAbsolutePath());
        }
        Set<Path> entries = new LinkedHashSet<>(classPath());
        entries.addAll(child);
        for (Path entry : entries) {
            String n = entry.getFileName().toString();
            String path = entry.toString().replace(File.separatorChar, '/');
            String module = moduleOf(path);
            if (Files.isDirectory(entry) && module != null
                    && (child.contains(entry) || List.of("grader", "library", "explore").contains(module))) {
                jarDirectory(entry, lib.resolve("classes-" + module + ".jar"));
            } else if (n.endsWith(".jar") && (child.contains(entry) || RUNTIME.stream().anyMatch(n::startsWith))) {
                Files.copy(entry, lib.resolve(n), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The course module a build's class folder belongs to ({@code .../src/race/target/classes} is "race"), or null. */
    private static String moduleOf(String path) {
        int end = path.lastIndexOf("/target/classes");
        int start = path.lastIndexOf("/src/", end);
        return end < 0 || start < 0 || !path.endsWith("/target/classes") ? null : path.substring(start + 5, end);
    }

    /** The grader's own class path: every jar or class folder it runs from. */
    private static List<Path> classPath() {
        Set<Path> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(Path.of(e).toAbsolutePath());
            }
        }
        try {
            out.add(Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // Already on the class path.
        }
        // Jars a launcher jar names in its manifest (bin/racecourse runs "java -jar").
        List<Path> extra = new ArrayList<>();
        for (Path p : out) {
            if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
                    String cp = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String rel : cp.trim().split("\\\\s+")) {
                            Path r = p.resolveSibling(rel).normalize();
                            if (Files.exists(r)) {
                                extra.add(r);
                            }
                        }
                    }
                } catch (IOException e) {
                    // Not readable: skipped.
                }
            }
        }
        out.addAll(extra);
        return List.copyOf(out);
    }

    private static void jarDirectory(Path dir, Path jar) throws IOException {
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
                Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    j.putNextEntry(new JarEntry(dir.relativize(p).toString().replace(File.separatorChar, '/')));
                    Files.copy(p, j);
                    j.closeEntry();
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
