// expect: 9/9 over-synchronized but correct: every call takes the lock, even long after the value is built
import java.util.function.Supplier;

class Lazy<T> {
    private final Supplier<T> init; // guarded by this
    private boolean built; // guarded by this
    private T value; // guarded by this

    Lazy(Supplier<T> init) {
        this.init = init;
    }

    synchronized T get() {
        if (!built) {
            value = init.get();
            built = true;
        }
        return value;
    }
}
