package racecourse.race;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Finds the detector's agent jar for {@code -javaagent:}. Thread-safe.
 */
public final class Agents {
    private static Path built; // guarded by Agents.class

    private Agents() {
    }

    /**
     * Returns the agent jar of the running code: the racecourse-race jar itself when the code runs from
     * it (its manifest names the ASM jars beside it). When the code runs from a classes folder (this
     * module's own tests), builds an equivalent jar in a temporary folder, with the ASM jars copied
     * beside it, once per JVM.
     *
     * @throws IllegalStateException if neither is possible
     */
    public static synchronized Path agentJar() {
        Path self = codeSource(Race.class);
        if (Files.isRegularFile(self)) {
            try (JarFile jar = new JarFile(self.toFile())) {
                Manifest m = jar.getManifest();
                if (m != null && m.getMainAttributes().getValue("Premain-Class") != null) {
                    return self;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + self + ": " + e.getMessage(), e);
            }
            throw new IllegalStateException(self + " has no Premain-Class: it is not the packaged race agent jar");
        }
        if (built == null) {
            try {
                built = build(self);
            } catch (IOException e) {
                throw new IllegalStateException("cannot build the race agent jar from " + self + ": " + e, e);
            }
        }
        return built;
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the code of " + c.getName(), e);
        }
    }

    private static Path build(Path classes) throws IOException {
        Path dir = Files.createTempDirectory("race-agent");
        List<String> classPath = new ArrayList<>();
        for (String name : List.of("org.objectweb.asm.ClassVisitor", "org.objectweb.asm.tree.ClassNode")) {
            Path jar;
            try {
                jar = codeSource(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IOException("ASM is not on the class path: " + name, e);
            }
            Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            classPath.add(jar.getFileName().toString());
        }
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Premain-Class", "racecourse.race.agent.RaceAgent");
        a.putValue("Agent-Class", "racecourse.race.agent.RaceAgent");
        a.putValue("Can-Retransform-Classes", "true");
        a.putValue("Class-Path", String.join(" ", classPath));
        Path out = dir.resolve("racecourse-race-agent.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), m)) {
            Files.walkFileTree(classes, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String entry = classes.relativize(file).toString().replace('\\', '/');
                    jar.putNextEntry(new JarEntry(entry));
                    Files.copy(file, jar);
                    jar.closeEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return out;
    }
}
