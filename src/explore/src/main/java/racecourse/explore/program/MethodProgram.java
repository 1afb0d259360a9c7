package racecourse.explore.program;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import racecourse.explore.instrument.InstrumentingLoader;
import racecourse.explore.sched.Run;

/**
 * A test method (JUnit or plain), run as thread A on a fresh instance of an instrumented copy of its class: it
 * passes when it returns and fails when it throws. Not thread-safe: one exploration at a time.
 */
public final class MethodProgram implements Program {
    private final String className;
    private final String name;
    private final ClassLoader source;
    private final java.util.Map<String, byte[]> instrumented = new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs {@code testClass}'s no-argument method {@code name}, from a fresh instrumented copy each schedule. */
    public MethodProgram(Class<?> testClass, String name) throws ReflectiveOperationException {
        this.source = testClass.getClassLoader() != null ? testClass.getClassLoader() : ClassLoader.getSystemClassLoader();
        this.className = testClass.getName();
        this.name = name;
        testClass.getDeclaredMethod(name);
    }

    @Override
    public Instance prepare() throws Exception {
        Class<?> type = Class.forName(className, true, new InstrumentingLoader(source, instrumented));
        Method method = type.getDeclaredMethod(name);
        method.setAccessible(true);
        var ctor = type.getDeclaredConstructor();
        ctor.setAccessible(true);
        Object instance = java.lang.reflect.Modifier.isStatic(method.getModifiers()) ? null : ctor.newInstance();
        Runnable body = () -> {
            try {
                method.invoke(instance);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
        return new Instance(List.of(new Run.Start("test", body)), () -> "passed");
    }

    @Override
    public String describe() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + name;
    }
}
