package racecourse.stress.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Result;
import org.openjdk.jcstress.annotations.State;

/**
 * Reads a class written with jcstress's annotations into a {@link TestModel}, by reflection and method handles
 * only: no annotation processor, no lookup by name, so classes defined in JShell work too. Thread-safe.
 */
public final class ReflectiveModel {
    private ReflectiveModel() {
    }

    /** Whether the class carries {@code @JCStressTest}. */
    public static boolean isTest(Class<?> type) {
        return type.isAnnotationPresent(JCStressTest.class);
    }

    /**
     * The model of a jcstress test class.
     *
     * @throws IllegalArgumentException when the class is not a jcstress test this harness can run, saying why
     */
    public static TestModel of(Class<?> test) {
        JCStressTest marker = test.getAnnotation(JCStressTest.class);
        if (marker == null) throw new IllegalArgumentException(test.getName() + " is not a jcstress test: no @JCStressTest");
        if (marker.value() == Mode.Termination) {
            throw new IllegalArgumentException(test.getName() + " is a Termination-mode test; run it with the real jcstress"
                    + " (racecourse jcstress)");
        }
        if (Modifier.isAbstract(test.getModifiers())) throw new IllegalArgumentException(test.getName() + " is abstract");
        List<Method> actors = annotated(test, Actor.class);
        List<Method> arbiters = annotated(test, Arbiter.class);
        if (actors.isEmpty()) throw new IllegalArgumentException(test.getName() + " has no @Actor method");
        if (actors.size() > TestModel.MAX_ACTORS) {
            throw new IllegalArgumentException(test.getName() + " has " + actors.size() + " @Actor methods; the harness runs 1 to "
                    + TestModel.MAX_ACTORS);
        }
        if (arbiters.size() > 1) throw new IllegalArgumentException(test.getName() + " has more than one @Arbiter");

        List<Method> all = new ArrayList<>(actors);
        all.addAll(arbiters);
        Class<?> resultType = null;
        Class<?> stateParam = null;
        for (Method m : all) {
            if (Modifier.isStatic(m.getModifiers())) throw new IllegalArgumentException(where(m) + " must not be static");
            for (Class<?> p : m.getParameterTypes()) {
                if (isResult(p)) {
                    if (resultType != null && resultType != p) {
                        throw new IllegalArgumentException(test.getName() + " uses two result types: " + resultType.getSimpleName()
                                + " and " + p.getSimpleName());
                    }
                    resultType = p;
                } else if (p.isAnnotationPresent(State.class)) {
                    if (stateParam != null && stateParam != p) {
                        throw new IllegalArgumentException(test.getName() + " uses two state types");
                    }
                    stateParam = p;
                } else {
                    throw new IllegalArgumentException(where(m) + " takes a " + p.getName()
                            + ", which is neither a @State nor a @Result class");
                }
            }
        }
        if (resultType == null) throw new IllegalArgumentException(test.getName() + " records no result: no actor takes a result object");
        boolean testIsState = test.isAnnotationPresent(State.class);
        if (testIsState && stateParam != null && stateParam != test) {
            throw new IllegalArgumentException(test.getName() + " is a @State and also takes another @State parameter");
        }
        if (!testIsState && stateParam == null) {
            throw new IllegalArgumentException(test.getName() + " has no state: annotate the class with @State");
        }
        Class<?> stateType = stateParam != null ? stateParam : test;
        try {
            Object shared = stateType == test ? null : newInstance(test);
            List<MethodHandle> actorCalls = new ArrayList<>();
            for (Method m : actors) actorCalls.add(adapt(m, test, stateType, shared));
            MethodHandle arbiter = arbiters.isEmpty() ? null : adapt(arbiters.getFirst(), test, stateType, shared);
            List<OutcomeSpec> outcomes = new ArrayList<>();
            for (Outcome o : test.getAnnotationsByType(Outcome.class)) {
                for (String id : o.id()) outcomes.add(new OutcomeSpec(id, o.expect(), o.desc()));
            }
            Description description = test.getAnnotation(Description.class);
            return new TestModel(displayName(test), description == null ? "" : description.value(),
                    constructor(stateType), constructor(resultType), actorCalls, arbiter, outcomes);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("cannot prepare " + test.getName() + ": " + e, e);
        }
    }

    /** The class's name without JShell's wrapper prefix. */
    public static String displayName(Class<?> type) {
        String name = type.getName();
        return name.startsWith("REPL.$JShell$") ? type.getSimpleName() : name;
    }

    private static boolean isResult(Class<?> p) {
        return p.isAnnotationPresent(Result.class) || p.getName().startsWith("org.openjdk.jcstress.infra.results.");
    }

    private static String where(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName();
    }

    private static List<Method> annotated(Class<?> test, Class<? extends java.lang.annotation.Annotation> marker) {
        List<Method> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Class<?> c = test; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(marker) && !names.contains(m.getName())) {
                    found.add(m);
                    names.add(m.getName());
                }
            }
        }
        found.sort(Comparator.comparing(Method::getName));
        return found;
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static MethodHandle constructor(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> c;
        try {
            c = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a constructor without parameters");
        }
        c.setAccessible(true);
        return MethodHandles.lookup().unreflectConstructor(c).asType(MethodType.methodType(Object.class));
    }

    /** Adapts an actor or arbiter to {@code (Object state, Object result)void}. */
    private static MethodHandle adapt(Method m, Class<?> test, Class<?> stateType, Object shared)
            throws ReflectiveOperationException {
        m.setAccessible(true);
        MethodHandle mh = MethodHandles.lookup().unreflect(m);
        Class<?>[] params = m.getParameterTypes();
        int[] reorder = new int[params.length + (shared == null ? 1 : 0)];
        int k = 0;
        if (shared == null) {
            reorder[k++] = 0; // the receiver is the sample's state (the test class is the @State)
        } else {
            mh = mh.bindTo(shared);
        }
        for (Class<?> p : params) reorder[k++] = isResult(p) ? 1 : 0;
        Class<?>[] objects = new Class<?>[reorder.length];
        java.util.Arrays.fill(objects, Object.class);
        mh = mh.asType(MethodType.methodType(void.class, objects));
        return MethodHandles.permuteArguments(mh, MethodType.methodType(void.class, Object.class, Object.class), reorder);
    }
}
