package racecourse.patterns.clocks;

/**
 * The two-thread program lesson 8 runs under the race detector: each thread sets its own variable, then prints
 * the other's. Both variables are plain fields with no lock, so each print reads a variable the other thread
 * writes with nothing ordering the two: two data races. Possible outputs include {@code y:0 x:1},
 * {@code x:0 y:1}, {@code x:1 y:1} and (store buffering, lesson 6) {@code y:0 x:0}. Not thread-safe (on purpose).
 *
 * <p>How to run: {@code racecourse race racecourse.patterns.clocks.SharedXY}
 */
public final class SharedXY {
    static int x; // no lock, no volatile: the races this program shows
    static int y;

    private SharedXY() {
    }

    /** Runs the two threads once and returns what they printed, in the order the prints happened. */
    public static String runOnce() throws InterruptedException {
        x = 0;
        y = 0;
        StringBuffer out = new StringBuffer(); // each print is one synchronized append, so prints are not torn
        Thread a = new Thread(() -> {
            x = 1;
            out.append("y:" + y + " ");
        }, "A");
        Thread b = new Thread(() -> {
            y = 1;
            out.append("x:" + x + " ");
        }, "B");
        a.start();
        b.start();
        a.join();
        b.join();
        return out.toString().trim();
    }

    /** Runs the program once and prints its output. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println(runOnce());
    }
}
