// expect: no race
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Publication with VarHandle setRelease and getAcquire. */
public class VarHandlePublish {
    private static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findVarHandle(VarHandlePublish.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    int data;
    boolean ready;

    public static void main(String[] args) throws InterruptedException {
        VarHandlePublish p = new VarHandlePublish();
        Thread writer = new Thread(() -> {
            p.data = 99;
            READY.setRelease(p, true);
        });
        Thread reader = new Thread(() -> {
            while (!(boolean) READY.getAcquire(p)) {
                Thread.onSpinWait();
            }
            System.out.println(p.data);
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
