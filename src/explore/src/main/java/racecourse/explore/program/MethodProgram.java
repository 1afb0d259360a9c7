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
    private final Method method;
    private final Class<?> type;

    /** Loads {@code testClass} instrumented and finds its no-argument method {@code name}. */
    public MethodProgram(Class<?> testClass, String name) throws ReflectiveOperationException {
        ClassLoader source = testClass.getClassLoader() != null ? testClass.getClassLoader() : ClassLoader.getSystemClassLoader();
        this.type = Class.forName(testClass.getName(), true, new InstrumentingLoader(source));
        this.method = type.getDeclaredMethod(name);
        method.setAccessible(true);
    }

    @Override
    public Instance prepare() throws Exception {
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
        return type.getSimpleName() + "." + method.getName();
    }
}
