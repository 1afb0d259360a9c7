package racecourse.explore.samples;

import racecourse.explore.Explore;

/**
 * The small programs the explorer's benchmark runs; they live in a package the explorer instruments. Thread-safe
 * (each call builds a new program).
 */
public final class BenchPrograms {
    /** A shared box of counters. */
    public static final class Box {
        int v;
        int a;
        int b;
        int c;
    }

    private BenchPrograms() {
    }

    /** Two threads of 10 shared accesses each (5 reads and 5 writes of one int): C(20,10) = 184,756 schedules. */
    public static Explore<Box> twoByTen() {
        Explore.Action<Box> ten = x -> {
            for (int i = 0; i < 5; i++) {
                int r = x.v;
                x.v = r + 1;
            }
        };
        return Explore.of(Box::new).thread(ten).thread(ten).after(x -> x.v);
    }

    /** Three threads of 6 writes each, on disjoint fields: one trace. */
    public static Explore<Box> disjoint() {
        return Explore.of(Box::new)
                .thread(x -> { x.a = 1; x.a = 2; x.a = 3; x.a = 4; x.a = 5; x.a = 6; })
                .thread(x -> { x.b = 1; x.b = 2; x.b = 3; x.b = 4; x.b = 5; x.b = 6; })
                .thread(x -> { x.c = 1; x.c = 2; x.c = 3; x.c = 4; x.c = 5; x.c = 6; });
    }

    /** Three threads of one shared write and 5 private writes each: 3! = 6 traces. */
    public static Explore<Box> oneSharedWriteEach() {
        return Explore.of(Box::new)
                .thread(x -> { x.a = 1; x.a = 2; x.v = 1; x.a = 3; x.a = 4; x.a = 5; })
                .thread(x -> { x.b = 1; x.b = 2; x.v = 2; x.b = 3; x.b = 4; x.b = 5; })
                .thread(x -> { x.c = 1; x.c = 2; x.v = 3; x.c = 3; x.c = 4; x.c = 5; })
                .after(x -> x.v);
    }
}
