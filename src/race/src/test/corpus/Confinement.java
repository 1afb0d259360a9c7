// expect: no race
/** Each thread owns its own counter object: nothing is shared, nothing races. */
public class Confinement {
    static final class Tally {
        int n;
    }

    public static void main(String[] args) throws InterruptedException {
        Tally[] tallies = {new Tally(), new Tally()};
        Thread a = new Thread(() -> { for (int i = 0; i < 100; i++) tallies[0].n++; });
        Thread b = new Thread(() -> { for (int i = 0; i < 100; i++) tallies[1].n++; });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(tallies[0].n + tallies[1].n);
    }
}
