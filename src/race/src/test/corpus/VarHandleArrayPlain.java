// expect: race int[] element 0 lines 12,15
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Plain-mode VarHandle accesses to an array element are data accesses: a plain set and get race. */
public class VarHandleArrayPlain {
    static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    public static void main(String[] args) throws InterruptedException {
        int[] cells = new int[1];
        Thread writer = new Thread(() -> {
            INTS.set(cells, 0, 42);
        });
        writer.start();
        System.out.println((int) INTS.get(cells, 0));
        writer.join();
    }
}
