// expect: race VarHandleFieldPlainRacy.count lines 21,24
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Plain-mode VarHandle get and set of an instance field are data accesses: a worker's set races with main's get. */
public class VarHandleFieldPlainRacy {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(VarHandleFieldPlainRacy.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    int count;

    public static void main(String[] args) throws InterruptedException {
        VarHandleFieldPlainRacy box = new VarHandleFieldPlainRacy();
        Thread worker = new Thread(() -> COUNT.set(box, 7));
        worker.start();
        // nothing orders the worker's set before this get
        System.out.println((int) COUNT.get(box));
        worker.join();
    }
}
