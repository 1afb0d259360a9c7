// expect: no race
import java.util.List;
import java.util.stream.IntStream;

/** Workers of a parallel stream fill an array and build records; the caller reads both after the terminal op. */
public class ParallelStreamFill {
    record Square(int n, int square) {
    }

    public static void main(String[] args) {
        int[] input = new int[2_000];
        for (int i = 0; i < input.length; i++) {
            input[i] = i;
        }
        int[] out = new int[input.length];
        IntStream.range(0, out.length).parallel().forEach(i -> out[i] = input[i] * 2);
        long sum = 0;
        for (int v : out) {
            sum += v;
        }
        List<Square> squares = IntStream.range(0, 500).parallel().mapToObj(i -> new Square(i, i * i)).toList();
        System.out.println(sum + " " + squares.get(499).square());
    }
}
