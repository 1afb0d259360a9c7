// expect: no race
import java.util.List;

/** Immutable data (a record, a List.of) shared freely: don't write, and nothing races. */
public class ImmutableShare {
    record Point(int x, int y) {
    }

    public static void main(String[] args) throws InterruptedException {
        List<Point> points = List.of(new Point(1, 2), new Point(3, 4));
        Runnable sum = () -> System.out.println(points.stream().mapToInt(p -> p.x() + p.y()).sum());
        Thread a = new Thread(sum);
        Thread b = new Thread(sum);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
