package racecourse.measure;

/** A child main for the real child-JVM test: times two loops of different length and prints both. */
public final class SpinChild {
    private SpinChild() {
    }

    /** Prints one {@code measure} line per loop. */
    public static void main(String[] args) {
        long sink = 0;
        for (String variant : new String[] {"short loop", "long loop"}) {
            int n = variant.startsWith("short") ? 1_000 : 20_000_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) sink += i ^ (sink >>> 3);
            System.out.println(Timing.line(variant, (System.nanoTime() - start) / 1e6));
        }
        if (sink == 42) System.out.println("unlikely");
    }
}
