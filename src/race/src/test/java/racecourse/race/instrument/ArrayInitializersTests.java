package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which element stores fill a new array before it can escape, on code javac compiled. */
class ArrayInitializersTests {
    /** Methods whose array stores the tests count. */
    static final class Samples {
        static int[] literal(int i) {
            return new int[] {i, i * 2, i * 3};
        }

        static Object[] nested(long x) {
            return new Object[] {"a", new long[] {x, x + 1}, String.valueOf(x)};
        }

        static int[] filledLater(int i) {
            int[] a = new int[3];
            a[0] = i;
            a[1] = i + 1;
            return a;
        }

        static int[] withBranch(int i) {
            return new int[] {i, i > 0 ? 1 : 2, i};
        }

        static String varargs(int i) {
            return String.format("%d %d", i, i + 1);
        }
    }

    private static Set<AbstractInsnNode> fresh(String method) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream("ArrayInitializersTests$Samples.class")) {
            ClassNode cn = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(cn, 0);
            for (MethodNode m : cn.methods) {
                if (m.name.equals(method)) {
                    return ArrayInitializers.freshStores(m.instructions);
                }
            }
        }
        throw new AssertionError("no method " + method);
    }

    @Test
    void everyStoreOfAnInitializerIsFresh() throws IOException {
        assertEquals(3, fresh("literal").size());
        assertEquals(5, fresh("nested").size(), "three outer stores and two of the inner long array");
        assertEquals(2, fresh("varargs").size(), "the array javac builds for a varargs call");
    }

    @Test
    void storesIntoAnArrayHeldInAVariableAreWatched() throws IOException {
        assertEquals(0, fresh("filledLater").size());
    }

    @Test
    void aJumpInAnElementEndsThePattern() throws IOException {
        assertEquals(1, fresh("withBranch").size(), "only the store before the conditional");
    }
}
