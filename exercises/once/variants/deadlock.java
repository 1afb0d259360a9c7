// expect: 0/9 timeout=2 deadlocking: get holds the monitor while it waits for a helper thread that needs it
import java.util.function.Supplier;

class Lazy<T> {
    private final Supplier<T> init;
    private boolean built; // guarded by this
    private T value; // guarded by this

    Lazy(Supplier<T> init) {
        this.init = init;
    }

    synchronized T get() {
        if (!built) {
            Thread helper = new Thread(() -> {
                T v = init.get();
                synchronized (this) {
                    value = v;
                    built = true;
                }
            });
            helper.start();
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return value;
    }
}
