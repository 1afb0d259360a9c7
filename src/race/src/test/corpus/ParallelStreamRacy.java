// expect: race ParallelStreamRacy.total lines 10
import java.util.stream.IntStream;

/** A parallel stream adds into one plain static field: the workers' updates race. */
public class ParallelStreamRacy {
    static long total;

    public static void main(String[] args) {
        IntStream.range(0, 10_000).parallel().forEach(i -> {
            total += i;
        });
    }
}
