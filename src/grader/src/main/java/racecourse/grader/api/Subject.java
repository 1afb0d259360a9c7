package racecourse.grader.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The learner's class seen through a contract interface, so tests compiled ahead of time can call a class that was
 * defined later (in a JShell cell or a submitted notebook) without naming it.
 *
 * <p>{@code Subject.of(BankContract.class).create()} builds a new {@code Bank} and returns a {@code BankContract}
 * whose calls go to it; exceptions thrown by the learner's code reach the test unchanged. Thread-safe: the proxies
 * add no state and no synchronization of their own, so a race in the learner's class stays a race.
 *
 * @param <C> the contract interface
 */
public final class Subject<C> {
    private final Class<C> contract;
    private final Class<?> type;
    private final Map<Method, Method> targets;

    private Subject(Class<C> contract, Class<?> type) {
        this.contract = contract;
        this.type = type;
        this.targets = bind(contract, type);
    }

    /** The subject for a contract annotated with {@link Contract}, using the class registered in {@link Submission}. */
    public static <C> Subject<C> of(Class<C> contract) {
        Contract c = contract.getAnnotation(Contract.class);
        if (c == null) {
            throw new IllegalArgumentException(contract.getName() + " has no @Contract annotation");
        }
        Class<?> type = Submission.get(c.value());
        ClassLoader own = contract.getClassLoader();
        if (own != null && own != type.getClassLoader()) {
            // Under the schedule explorer the contract is an instrumented copy; use the learner's class from the
            // same loader, so its code runs instrumented too. A loader that did not define its own copy is ignored.
            try {
                Class<?> same = Class.forName(type.getName(), false, own);
                if (same.getClassLoader() == own) {
                    type = same;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // the usual case: the contract's loader does not see the learner's class
            }
        }
        return new Subject<>(contract, type);
    }

    /** The subject for an explicit class, for tests of the bridge itself. */
    public static <C> Subject<C> of(Class<C> contract, Class<?> type) {
        return new Subject<>(contract, type);
    }

    /** The learner's class. */
    public Class<?> type() {
        return type;
    }

    /** Builds a new instance with the constructor matching {@code args} and returns it seen through the contract. */
    public C create(Object... args) {
        Object target = construct(args);
        return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract},
                new Bridge(target)));
    }

    private Object construct(Object[] args) {
        for (Constructor<?> k : type.getDeclaredConstructors()) {
            if (accepts(k.getParameterTypes(), args)) {
                try {
                    k.setAccessible(true);
                    return k.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw sneaky(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("could not build a " + type.getSimpleName() + ": " + e, e);
                }
            }
        }
        String wanted = Arrays.stream(args).map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .collect(Collectors.joining(", "));
        throw new AssertionError(type.getSimpleName() + " needs a constructor that takes (" + wanted + ")");
    }

    private static boolean accepts(Class<?>[] params, Object[] args) {
        if (params.length != args.length) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            Class<?> p = box(params[i]);
            if (args[i] != null && !p.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }

    private static Map<Method, Method> bind(Class<?> contract, Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new AssertionError(type.getSimpleName() + " must be a concrete class");
        }
        Map<Method, Method> map = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Method m : contract.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method found = find(type, m);
            if (found == null) {
                missing.add(m.getReturnType().getSimpleName() + " " + m.getName() + "("
                        + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ")) + ")");
            } else {
                found.setAccessible(true);
                map.put(m, found);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(type.getSimpleName() + " is missing " + String.join(", ", missing));
        }
        return map;
    }

    private static Method find(Class<?> type, Method m) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method found = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (!Modifier.isStatic(found.getModifiers())) {
                    return found;
                }
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** Forwards contract calls to the learner's object. Thread-safe (immutable). */
    private final class Bridge implements InvocationHandler {
        private final Object target;

        Bridge(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Method m = targets.get(method);
            if (m == null) {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "equals" -> args[0] == proxy;
                        case "hashCode" -> System.identityHashCode(target);
                        default -> target.toString();
                    };
                }
                throw new AssertionError("no method " + method.getName() + " in " + type.getSimpleName());
            }
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
