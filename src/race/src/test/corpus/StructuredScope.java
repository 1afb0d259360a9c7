// expect: no race
import java.util.concurrent.StructuredTaskScope;

/** Subtasks of a structured task scope; join orders them before the results are read. */
public class StructuredScope {
    static final class Part {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Part a = new Part();
        Part b = new Part();
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> { a.value = 20; return null; });
            scope.fork(() -> { b.value = 22; return null; });
            scope.join();
        }
        System.out.println(a.value + b.value);
    }
}
