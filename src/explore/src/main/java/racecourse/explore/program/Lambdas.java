package racecourse.explore.program;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Turns a serializable lambda of the learner's code into a call of the same code in the instrumented copy of its
 * class: the body of a lambda lives in a method of the class that wrote it, which the instrumenting loader
 * reloads. Values the lambda captured are passed on when they are JDK values (numbers, strings, ...).
 * Thread-safe (immutable).
 */
public final class Lambdas {
    /** A resolved call into instrumented code. */
    public static final class Call {
        private final Executable target;
        private final Object[] captured;
        private final boolean hasReceiver;

        private Call(Executable target, Object[] captured, boolean hasReceiver) {
            this.target = target;
            this.captured = captured;
            this.hasReceiver = hasReceiver;
        }

        /** Calls the code with the given arguments after the captured ones, unwrapping its exceptions. */
        public Object invoke(Object... args) throws Exception {
            Object[] all = new Object[captured.length + args.length];
            System.arraycopy(captured, 0, all, 0, captured.length);
            System.arraycopy(args, 0, all, captured.length, args.length);
            try {
                if (target instanceof Constructor<?> c) return c.newInstance(all);
                Method m = (Method) target;
                if (!hasReceiver) return m.invoke(null, all);
                Object[] rest = new Object[all.length - 1];
                System.arraycopy(all, 1, rest, 0, rest.length);
                return m.invoke(all[0], rest);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) throw ex;
                if (cause instanceof Error err) throw err;
                throw e;
            }
        }
    }

    private Lambdas() {
    }

    /** The loader of the class that wrote the lambda. */
    public static ClassLoader sourceLoader(Serializable lambda) {
        ClassLoader l = lambda.getClass().getClassLoader();
        return l != null ? l : ClassLoader.getSystemClassLoader();
    }

    /** Resolves {@code lambda} to the same code in classes loaded by {@code loader}. */
    public static Call resolve(Serializable lambda, ClassLoader loader, String role) {
        SerializedLambda s = serialized(lambda, role);
        try {
            Class<?> impl = Class.forName(s.getImplClass().replace('/', '.'), true, loader);
            MethodType type = MethodType.fromMethodDescriptorString(s.getImplMethodSignature(), loader);
            Object[] captured = new Object[s.getCapturedArgCount()];
            for (int i = 0; i < captured.length; i++) {
                Object v = s.getCapturedArg(i);
                if (v != null && !jdkValue(v)) {
                    throw new IllegalArgumentException("the " + role + " uses " + v.getClass().getSimpleName()
                            + " from outside: the explorer makes a fresh copy of the program for every schedule, so"
                            + " keep shared objects in the state (Explore.of(...)) and pass numbers or strings only");
                }
                captured[i] = v;
            }
            Executable target;
            boolean receiver = false;
            switch (s.getImplMethodKind()) {
                case MethodHandleInfo.REF_newInvokeSpecial -> target = impl.getDeclaredConstructor(type.parameterArray());
                case MethodHandleInfo.REF_invokeStatic -> target = impl.getDeclaredMethod(s.getImplMethodName(),
                        type.parameterArray());
                default -> {
                    target = impl.getDeclaredMethod(s.getImplMethodName(), type.parameterArray());
                    receiver = true;
                }
            }
            target.setAccessible(true);
            return new Call(target, captured, receiver);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the instrumented copy of the " + role + ": " + e, e);
        }
    }

    private static boolean jdkValue(Object v) {
        ClassLoader l = v.getClass().getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    private static SerializedLambda serialized(Serializable lambda, String role) {
        try {
            Method m = lambda.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            Object s = m.invoke(lambda);
            if (s instanceof SerializedLambda sl) return sl;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("the " + role + " must be a lambda or method reference written in the "
                + "program (the explorer reloads its code instrumented)");
    }
}
