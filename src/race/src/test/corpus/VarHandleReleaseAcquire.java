// expect: no race
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** setRelease of a flag publishes a plain write to a reader that sees the flag with getAcquire. */
public class VarHandleReleaseAcquire {
    static final VarHandle READY = MethodHandles.arrayElementVarHandle(boolean[].class);
    static int payload;

    public static void main(String[] args) throws InterruptedException {
        boolean[] ready = new boolean[1];
        Thread reader = new Thread(() -> {
            while (!(boolean) READY.getAcquire(ready, 0)) {
                Thread.onSpinWait();
            }
            System.out.println(payload);
        });
        reader.start();
        payload = 7;
        READY.setRelease(ready, 0, true);
        reader.join();
    }
}
