package racecourse.race.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the rewriter needs to know about other classes without loading them: their superclass and their fields'
 * modifiers, read from class files found through a class loader's resources; the explorer's mode looks fields
 * and thread and task classes up here. Thread-safe (synchronized cache).
 */
public final class Hierarchy {
    /** One class file's summary. */
    private record Info(String superName, Map<String, Integer> fields) {
    }

    private static final Info MISSING = new Info(null, Map.of());
    private final ClassLoader source;
    private final Map<String, Info> cache = new HashMap<>(); // guarded by this

    Hierarchy(ClassLoader source) {
        this.source = source;
    }

    private synchronized Info info(String internalName) {
        Info i = cache.get(internalName);
        if (i != null) return i;
        i = MISSING;
        byte[] bytes = bytes(source, internalName);
        if (bytes != null) {
            Map<String, Integer> fields = new HashMap<>();
            String[] sup = new String[1];
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    sup[0] = superName;
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    fields.put(name, access);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            i = new Info(sup[0], fields);
        }
        cache.put(internalName, i);
        return i;
    }

    /** The class file of {@code internalName} found through {@code loader}, or null. */
    public static byte[] bytes(ClassLoader loader, String internalName) {
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(internalName + ".class")
                : loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The class that declares field {@code name} as seen from {@code owner}, or {@code owner} if not found. */
    String declaringClass(String owner, String name) {
        for (String c = owner; c != null; c = info(c).superName()) {
            if (info(c).fields().containsKey(name)) return c;
        }
        return owner;
    }

    /** Whether the field is final (or cannot be found, so is treated as a library constant). */
    boolean isFinal(String owner, String name) {
        String c = declaringClass(owner, name);
        Integer access = info(c).fields().get(name);
        if (access == null) return c.startsWith("java/") || c.startsWith("jdk/") || c.startsWith("javax/");
        return (access & Opcodes.ACC_FINAL) != 0;
    }

    /** Whether the field is volatile. */
    boolean isVolatile(String owner, String name) {
        Integer access = info(declaringClass(owner, name)).fields().get(name);
        return access != null && (access & Opcodes.ACC_VOLATILE) != 0;
    }

    /** Whether {@code owner} is {@code java/lang/Thread} or extends it. */
    boolean isThread(String owner) {
        return extendsLibraryClass(owner, java.util.Set.of("java/lang/Thread"));
    }

    /**
     * Whether {@code owner} extends, through classes outside java/, one of the library classes {@code library}
     * (or is one).
     */
    boolean extendsLibraryClass(String owner, java.util.Set<String> library) {
        for (String c = owner; c != null; c = info(c).superName()) {
            if (library.contains(c)) return true;
            if (c.startsWith("java/")) return false;
        }
        return false;
    }
}
