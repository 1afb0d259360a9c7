// expect: 5/9 races racy: check-then-act without a lock, so two threads can both run init
import java.util.function.Supplier;

class Lazy<T> {
    private final Supplier<T> init;
    private boolean built;
    private T value;

    Lazy(Supplier<T> init) {
        this.init = init;
    }

    T get() {
        if (!built) {
            value = init.get();
            built = true;
        }
        return value;
    }
}
