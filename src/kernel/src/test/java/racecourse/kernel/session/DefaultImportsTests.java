package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A cell that is one expression may run before every default import is in scope ({@link JShellSession#evaluate}).
 * That is safe only if no simple name is supplied by two default imports, or by one and {@code java.lang}: then a
 * name that resolves with some of the imports resolves to the same thing with all of them.
 */
class DefaultImportsTests {
    private static final ClassLoader LOADER = DefaultImportsTests.class.getClassLoader();

    @Test
    void noSimpleNameIsSuppliedTwice() throws Exception {
        Map<String, Set<String>> suppliers = new TreeMap<>();
        List<String> imports = new ArrayList<>(JShellSession.DEFAULT_IMPORTS);
        imports.add("java.lang.*"); // every cell has it
        int types = 0;
        for (String declaration : imports) {
            for (String name : namesSupplied(declaration)) {
                suppliers.computeIfAbsent(name, n -> new TreeSet<>()).add(declaration);
                types++;
            }
        }
        assertTrue(types > 500, "too few names were found for the check to mean anything: " + types);
        for (String declaration : imports) {
            assertTrue(suppliers.values().stream().anyMatch(s -> s.contains(declaration)),
                    "no name found for " + declaration + ": the check cannot see it");
        }
        Map<String, Set<String>> twice = new TreeMap<>();
        suppliers.forEach((name, from) -> {
            if (from.size() > 1) twice.put(name, from);
        });
        assertEquals(Map.of(), twice, "simple names two default imports supply");
    }

    /** Simple names an import declaration brings into scope: types, and for a static import its static members. */
    private static Set<String> namesSupplied(String declaration) throws Exception {
        Set<String> names = new TreeSet<>();
        if (declaration.startsWith("static ")) {
            String owner = declaration.substring("static ".length(), declaration.length() - 2);
            Class<?> type = Class.forName(owner, false, LOADER);
            Stream.of(type.getMethods(), type.getFields()).flatMap(Stream::of).map(m -> (Member) m)
                    .filter(m -> Modifier.isStatic(m.getModifiers()))
                    .forEach(m -> names.add((m instanceof Field ? "field " : "method ") + m.getName()));
            for (Class<?> nested : type.getClasses()) names.add(nested.getSimpleName());
            return names;
        }
        if (!declaration.endsWith(".*")) {
            Class.forName(declaration, false, LOADER); // it must exist to supply anything
            names.add(declaration.substring(declaration.lastIndexOf('.') + 1));
            return names;
        }
        String pkg = declaration.substring(0, declaration.length() - 2);
        for (String simple : classFilesIn(pkg)) {
            try {
                Class<?> type = Class.forName(pkg + "." + simple, false, LOADER);
                if (Modifier.isPublic(type.getModifiers())) names.add(simple);
            } catch (ClassNotFoundException | LinkageError e) {
                // a class file that does not load is not a name a cell can use
            }
        }
        return names;
    }

    /** Simple names of the top-level class files of {@code pkg}, in the JDK's modules and on the class path. */
    private static List<String> classFilesIn(String pkg) throws IOException {
        String dir = pkg.replace('.', '/');
        List<String> files = new ArrayList<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path modules = jrt.getPath("/packages/" + pkg);
        if (Files.isDirectory(modules)) {
            try (Stream<Path> owners = Files.list(modules)) {
                for (Path owner : owners.toList()) {
                    try (Stream<Path> classes = Files.list(jrt.getPath("/modules/" + owner.getFileName() + "/" + dir))) {
                        classes.map(p -> p.getFileName().toString()).forEach(files::add);
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (var e : Collections.list(jar.entries())) {
                        String name = e.getName();
                        if (name.startsWith(dir + "/") && name.indexOf('/', dir.length() + 1) < 0) {
                            files.add(name.substring(dir.length() + 1));
                        }
                    }
                }
            } else if (Files.isDirectory(path.resolve(dir))) {
                try (Stream<Path> classes = Files.list(path.resolve(dir))) {
                    classes.map(p -> p.getFileName().toString()).forEach(files::add);
                }
            }
        }
        return files.stream().filter(f -> f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class"))
                .map(f -> f.substring(0, f.length() - ".class".length())).distinct().toList();
    }
}
