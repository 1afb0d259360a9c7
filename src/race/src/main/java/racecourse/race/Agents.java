package racecourse.race;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
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
     * it (ASM is shaded into it). When the code runs from a classes folder (this module's own tests), builds an
     * equivalent self-contained jar in a temporary folder, with ASM's classes copied into it, once per JVM.
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
        List<Path> asm = new ArrayList<>();
        for (String name : List.of("org.objectweb.asm.ClassVisitor", "org.objectweb.asm.tree.ClassNode",
                "org.objectweb.asm.commons.Remapper")) {
            try {
                asm.add(codeSource(Class.forName(name)));
            } catch (ClassNotFoundException e) {
                throw new IOException("ASM is not on the class path: " + name, e);
            }
        }
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Premain-Class", "racecourse.race.agent.RaceAgent");
        a.putValue("Agent-Class", "racecourse.race.agent.RaceAgent");
        a.putValue("Can-Retransform-Classes", "true");
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
            for (Path lib : asm) {
                try (JarFile in = new JarFile(lib.toFile())) {
                    for (JarEntry e : java.util.Collections.list(in.entries())) {
                        String n = e.getName();
                        if (e.isDirectory() || n.startsWith("META-INF/") || n.endsWith("module-info.class")) continue;
                        jar.putNextEntry(new JarEntry(n));
                        try (var s = in.getInputStream(e)) {
                            s.transferTo(jar);
                        }
                        jar.closeEntry();
                    }
                }
            }
        }
        return out;
    }
}
