// expect: race ArrayList lines 11
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A parallel stream adds into a plain ArrayList through a method reference: the workers' adds race. */
public class ParallelForEachListAdd {
    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        try {
            IntStream.range(0, 2_000).parallel().boxed().forEach(list::add);
        } catch (RuntimeException e) {
            System.out.println("the list broke: " + e);
        }
    }
}
