package racecourse.grader.sandbox;

import java.util.Set;

/**
 * Which JDK classes and members submission code may use: the concurrency, collection, language and time APIs;
 * not files, processes, networking, reflection, class loading, exiting the JVM or replacing standard streams.
 *
 * <p>Names are JVM internal names ({@code java/lang/System}). Thread-safe (immutable).
 */
public final class Policy {
    private static final Set<String> DENIED_PACKAGES_UNDER_JAVA_UTIL = Set.of(
            "java/util/prefs/", "java/util/logging/", "java/util/jar/", "java/util/zip/", "java/util/spi/");
    private static final Set<String> DENIED_JAVA_UTIL = Set.of(
            "java/util/ServiceLoader", "java/util/Formatter", "java/util/Scanner", "java/util/ResourceBundle");
    private static final Set<String> DENIED_JAVA_LANG = Set.of(
            "java/lang/ProcessBuilder", "java/lang/Process", "java/lang/ProcessHandle", "java/lang/ClassLoader",
            "java/lang/Module", "java/lang/ModuleLayer", "java/lang/StackWalker", "java/lang/ClassValue",
            "java/lang/ProcessBuilder$Redirect", "java/lang/Runtime$Version", "java/lang/System$Logger",
            "java/lang/ThreadGroup", "java/lang/StackTraceElement", "java/lang/StackWalker$StackFrame",
            "java/lang/StackWalker$Option");
    /**
     * Members denied on every owner, the submission's own classes included (they inherit them from {@code Thread}
     * and {@code Throwable}): they reveal stack frames, the threads of the grader, or its class loaders.
     */
    private static final Set<String> DENIED_ANYWHERE = Set.of(
            "getStackTrace", "getAllStackTraces", "getThreadGroup", "getContextClassLoader",
            "setContextClassLoader", "setDefaultUncaughtExceptionHandler");
    private static final Set<String> JAVA_IO = Set.of(
            "java/io/PrintStream", "java/io/PrintWriter", "java/io/StringWriter", "java/io/StringReader",
            "java/io/Writer", "java/io/Reader", "java/io/InputStream", "java/io/OutputStream",
            "java/io/ByteArrayInputStream", "java/io/ByteArrayOutputStream", "java/io/BufferedReader",
            "java/io/BufferedWriter", "java/io/Serializable", "java/io/Closeable", "java/io/Flushable",
            "java/io/IOException", "java/io/UncheckedIOException", "java/io/InterruptedIOException",
            "java/io/EOFException");
    private static final Set<String> SYSTEM_MEMBERS = Set.of(
            "out", "err", "nanoTime", "currentTimeMillis", "identityHashCode", "arraycopy", "lineSeparator",
            "getProperty");
    private static final Set<String> RUNTIME_MEMBERS = Set.of(
            "getRuntime", "availableProcessors", "freeMemory", "totalMemory", "maxMemory", "gc");
    private static final Set<String> CLASS_MEMBERS = Set.of(
            "getName", "getSimpleName", "getTypeName", "getCanonicalName", "getPackageName", "desiredAssertionStatus",
            "getComponentType", "isInstance", "cast", "isArray", "isInterface", "isPrimitive", "isRecord", "isEnum",
            "getModifiers", "getSuperclass", "getInterfaces", "hashCode", "equals", "toString", "getEnumConstants",
            "isAssignableFrom", "getNestHost", "arrayType", "componentType", "describeConstable", "descriptorString");
    private static final Set<String> LOOKUP_MEMBERS = Set.of(
            "findVarHandle", "findStaticVarHandle", "lookupClass", "toString"); // var handles: see Denied
    private static final Set<String> METHOD_HANDLES_MEMBERS = Set.of(
            "lookup", "arrayElementVarHandle", "byteArrayViewVarHandle", "byteBufferViewVarHandle");
    private static final Set<String> BOOTSTRAP_OWNERS = Set.of(
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory",
            "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps",
            "java/lang/invoke/ConstantBootstraps", "java/lang/runtime/ExactConversionsSupport");

    private final Set<String> own;

    /** A policy for a submission whose own classes have these internal names. */
    public Policy(Set<String> ownClasses) {
        this.own = Set.copyOf(ownClasses);
    }

    /** True when the class may be named at all. */
    public boolean allowsClass(String owner) {
        String name = elementType(owner);
        if (name == null || own.contains(name)) {
            return true;
        }
        if (name.startsWith("java/util/")) {
            return !DENIED_JAVA_UTIL.contains(name)
                    && DENIED_PACKAGES_UNDER_JAVA_UTIL.stream().noneMatch(name::startsWith);
        }
        if (name.startsWith("java/time/") || name.startsWith("java/math/") || name.startsWith("java/text/")
                || name.startsWith("java/lang/runtime/") || name.startsWith("java/lang/ref/")) {
            return true;
        }
        if (name.startsWith("java/lang/invoke/")) {
            return !name.contains("$") || name.equals("java/lang/invoke/MethodHandles$Lookup");
        }
        if (name.startsWith("java/lang/") && name.indexOf('/', "java/lang/".length()) < 0) {
            return !DENIED_JAVA_LANG.contains(name);
        }
        return JAVA_IO.contains(name);
    }

    /** True when the member (a method, constructor or field) of {@code owner} may be used. */
    public boolean allowsMember(String owner, String name, String descriptor) {
        if (!allowsClass(owner) || DENIED_ANYWHERE.contains(name)) {
            return false;
        }
        if (own.contains(owner)) {
            return true;
        }
        return switch (owner) {
            case "java/lang/System" -> SYSTEM_MEMBERS.contains(name);
            case "java/lang/Runtime" -> RUNTIME_MEMBERS.contains(name);
            case "java/lang/Class" -> CLASS_MEMBERS.contains(name);
            case "java/lang/Thread" -> !name.equals("enumerate");
            case "java/lang/invoke/MethodHandles$Lookup" -> LOOKUP_MEMBERS.contains(name);
            case "java/lang/invoke/MethodHandles" -> METHOD_HANDLES_MEMBERS.contains(name);
            default -> !(owner.startsWith("java/io/") && name.equals("<init>")
                    && (descriptor.startsWith("(Ljava/lang/String;") || descriptor.startsWith("(Ljava/io/File;")));
        };
    }

    /** True when {@code owner} is one of the submission's own classes. */
    public boolean isOwn(String owner) {
        return own.contains(owner);
    }

    /** True when a bootstrap method of an invokedynamic or dynamic constant may be used. */
    public boolean allowsBootstrap(String owner) {
        return BOOTSTRAP_OWNERS.contains(owner) || own.contains(owner);
    }

    private static String elementType(String owner) {
        String name = owner;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            return name.substring(1, name.length() - 1);
        }
        if (name.length() == 1 && owner.startsWith("[")) {
            return null;
        }
        return name;
    }
}
