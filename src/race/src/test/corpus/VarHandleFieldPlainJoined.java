// expect: no race
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Plain VarHandle accesses ordered by start and join: no race, as with ordinary field accesses. */
public class VarHandleFieldPlainJoined {
    private static final VarHandle COUNT;
    private static final VarHandle LIMIT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(VarHandleFieldPlainJoined.class, "count", int.class);
            LIMIT = MethodHandles.lookup().findStaticVarHandle(VarHandleFieldPlainJoined.class, "limit", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static int limit;
    int count;

    public static void main(String[] args) throws InterruptedException {
        VarHandleFieldPlainJoined box = new VarHandleFieldPlainJoined();
        LIMIT.set(3);
        COUNT.set(box, 1);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < (int) LIMIT.get(); i++) {
                COUNT.set(box, (int) COUNT.get(box) + 1);
            }
        });
        worker.start();
        worker.join();
        System.out.println((int) COUNT.get(box) + box.count);
    }
}
