// expect: race VarHandleStaticPlainRacy.total lines 23,26
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A plain VarHandle set of a static field races with an ordinary read of the same field: both views of the
 * variable are one variable.
 */
public class VarHandleStaticPlainRacy {
    private static final VarHandle TOTAL;

    static {
        try {
            TOTAL = MethodHandles.lookup().findStaticVarHandle(VarHandleStaticPlainRacy.class, "total", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static long total;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> TOTAL.set(100L));
        worker.start();
        // an ordinary read, unordered with the worker's plain set
        System.out.println(total);
        worker.join();
    }
}
