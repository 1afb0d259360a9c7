// expect: no race
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Opaque mode is not a data access: two threads that only touch a field through getOpaque/setOpaque do not race
 * (the memory model orders no other access by them, and the detector adds no edge).
 */
public class VarHandleOpaqueCounter {
    private static final VarHandle TICKS;

    static {
        try {
            TICKS = MethodHandles.lookup().findVarHandle(VarHandleOpaqueCounter.class, "ticks", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    int ticks;

    public static void main(String[] args) throws InterruptedException {
        VarHandleOpaqueCounter c = new VarHandleOpaqueCounter();
        Thread worker = new Thread(() -> TICKS.setOpaque(c, 5));
        worker.start();
        System.out.println((int) TICKS.getOpaque(c) >= 0);
        worker.join();
    }
}
