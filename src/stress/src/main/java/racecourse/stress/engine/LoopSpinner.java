package racecourse.stress.engine;

import static java.lang.constant.ConstantDescs.BSM_CLASS_DATA_AT;
import static java.lang.constant.ConstantDescs.CD_MethodHandle;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.DEFAULT_NAME;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.List;

/**
 * Generates the per-sample loops of a test as small hidden classes. Each loop reads its method handles as
 * constants (class data loaded through a dynamic constant), so the JIT compiles the actor's body straight into
 * the loop, as jcstress's generated runners do, even for classes that only exist in a JShell session.
 * Thread-safe (stateless).
 */
public final class LoopSpinner {
    private static final MethodType CALL = MethodType.methodType(void.class, Object.class, Object.class);
    private static final MethodType MAKE = MethodType.methodType(Object.class);
    private static final MethodTypeDesc CALL_DESC = MethodTypeDesc.of(CD_void, CD_Object, CD_Object);
    private static final MethodTypeDesc MAKE_DESC = MethodTypeDesc.of(CD_Object);
    private static final ClassDesc OBJECTS = CD_Object.arrayType();
    private static final MethodTypeDesc LOOP_DESC = MethodTypeDesc.of(CD_void, OBJECTS, OBJECTS, CD_int, CD_int);

    private LoopSpinner() {
    }

    /** A loop that calls {@code call}, of type {@code (Object state, Object result)void}, once per sample. */
    public static BatchLoop callLoop(MethodHandle call) {
        MethodHandle exact = call.asType(CALL);
        try {
            return instantiate(BatchLoop.class, "CallLoop", "run", List.of(exact), code -> {
                // locals: 0 this, 1 states, 2 results, 3 i (from), 4 to
                Label top = code.newLabel();
                Label done = code.newLabel();
                code.labelBinding(top);
                code.iload(3).iload(4).if_icmpge(done);
                code.ldc(constant(0));
                code.aload(1).iload(3).aaload();
                code.aload(2).iload(3).aaload();
                code.invokevirtual(CD_MethodHandle, "invokeExact", CALL_DESC);
                code.iinc(3, 1).goto_(top);
                code.labelBinding(done);
                code.return_();
            });
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return (states, results, from, to) -> {
                for (int i = from; i < to; i++) {
                    try {
                        exact.invokeExact(states[i], results[i]);
                    } catch (Throwable t) {
                        throw sneaky(t);
                    }
                }
            };
        }
    }

    /** A loop that stores {@code newState.invoke()} and {@code newResult.invoke()} at every index. */
    public static FillLoop fillLoop(MethodHandle newState, MethodHandle newResult) {
        MethodHandle state = newState.asType(MAKE);
        MethodHandle result = newResult.asType(MAKE);
        try {
            return instantiate(FillLoop.class, "FillLoop", "fill", List.of(state, result), code -> {
                Label top = code.newLabel();
                Label done = code.newLabel();
                code.labelBinding(top);
                code.iload(3).iload(4).if_icmpge(done);
                code.aload(1).iload(3).ldc(constant(0)).invokevirtual(CD_MethodHandle, "invokeExact", MAKE_DESC).aastore();
                code.aload(2).iload(3).ldc(constant(1)).invokevirtual(CD_MethodHandle, "invokeExact", MAKE_DESC).aastore();
                code.iinc(3, 1).goto_(top);
                code.labelBinding(done);
                code.return_();
            });
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return (states, results, from, to) -> {
                for (int i = from; i < to; i++) {
                    try {
                        states[i] = (Object) state.invokeExact();
                        results[i] = (Object) result.invokeExact();
                    } catch (Throwable t) {
                        throw sneaky(t);
                    }
                }
            };
        }
    }

    private static DynamicConstantDesc<MethodHandle> constant(int index) {
        return DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_AT, DEFAULT_NAME, CD_MethodHandle, index);
    }

    private static <T> T instantiate(Class<T> type, String simpleName, String method, List<MethodHandle> data,
                                     java.util.function.Consumer<CodeBuilder> body) throws ReflectiveOperationException {
        ClassDesc self = ClassDesc.of(LoopSpinner.class.getPackageName() + "." + simpleName);
        ClassDesc iface = ClassDesc.of(type.getName());
        byte[] bytes = ClassFile.of().build(self, cls -> {
            cls.withFlags(AccessFlag.FINAL, AccessFlag.SUPER);
            cls.withInterfaceSymbols(iface);
            cls.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
                    code -> code.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_());
            cls.withMethodBody(method, LOOP_DESC, ClassFile.ACC_PUBLIC, body);
        });
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, data, true);
        MethodHandle constructor = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class));
        try {
            return type.cast(constructor.invoke());
        } catch (Throwable t) {
            throw new ReflectiveOperationException("cannot create the generated loop", t);
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
