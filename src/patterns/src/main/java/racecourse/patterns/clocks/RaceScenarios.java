package racecourse.patterns.clocks;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.function.Supplier;
import racecourse.patterns.bank.Bank;
import racecourse.patterns.bank.UnsafeBank;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;
import racecourse.patterns.icons.LazyIconCache;
import racecourse.patterns.lazy.DoubleCheckedIcons;
import racecourse.patterns.lazy.IconSet;
import racecourse.patterns.lazy.RacyDoubleCheckedIcons;
import racecourse.patterns.visibility.GuardedBalanceBank;
import racecourse.patterns.visibility.VolatileBalanceBank;

/**
 * A program that drives one of the course's patterns from two threads at once, briefly, so that it can be run
 * under the race detector: {@code racecourse race -cp ... racecourse.patterns.clocks.RaceScenarios NAME}. Each
 * scenario says what a detector should find. Not thread-safe (a program, run once).
 */
public final class RaceScenarios {
    /**
     * One scenario.
     *
     * @param pattern the class it exercises
     * @param expectation what the race detector should report, in a few words
     * @param body the two-thread run
     */
    public record Scenario(String pattern, String expectation, Runnable body) {
    }

    private static final SequencedMap<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        ALL.put("unsafe-bank", new Scenario("bank.UnsafeBank (lesson 1)", "data race on balance",
                () -> twice(UnsafeBank::new, b -> b.deposit(1))));
        ALL.put("lazy-icon-cache", new Scenario("icons.LazyIconCache (lesson 1)", "data race inside the HashMap",
                () -> twiceOnCache(() -> new LazyIconCache(new IconLoader()))));
        ALL.put("volatile-balance", new Scenario("visibility.VolatileBalanceBank (lesson 6)",
                "no data race (volatile), yet a race condition: reads can see -50",
                () -> twoKinds(VolatileBalanceBank::new)));
        ALL.put("guarded-balance", new Scenario("visibility.GuardedBalanceBank (lesson 6)", "nothing",
                () -> twoKinds(GuardedBalanceBank::new)));
        ALL.put("racy-double-checked", new Scenario("lazy.RacyDoubleCheckedIcons (lesson 7)",
                "data race on the icons field (the unlocked check)",
                () -> twiceOnCache(() -> new RacyDoubleCheckedIcons(new IconLoader()))));
        ALL.put("double-checked", new Scenario("lazy.DoubleCheckedIcons (lesson 7)", "nothing",
                () -> twiceOnCache(() -> new DoubleCheckedIcons(new IconLoader()))));
    }

    private RaceScenarios() {
    }

    /** Every scenario by name, in lesson order. */
    public static SequencedMap<String, Scenario> all() {
        return java.util.Collections.unmodifiableSequencedMap(ALL);
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || !ALL.containsKey(args[0])) {
            System.err.println("usage: RaceScenarios NAME, where NAME is one of " + ALL.keySet());
            System.exit(2);
        }
        Scenario s = ALL.get(args[0]);
        s.body().run();
        System.out.println(args[0] + ": ran " + s.pattern() + " from two threads; expect " + s.expectation());
    }

    private interface Use<T> {
        void on(T target);
    }

    private static <T> void twice(Supplier<T> make, Use<T> use) {
        T target = make.get();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) use.on(target);
        };
        run(work, work);
    }

    private static void twiceOnCache(Supplier<IconCache> make) {
        for (int round = 0; round < 20; round++) {
            IconCache cache = make.get();
            Runnable work = () -> {
                for (String name : IconSet.NAMES) cache.icon(name);
            };
            run(work, work);
        }
    }

    private static void twoKinds(Supplier<Bank> make) {
        Bank bank = make.get();
        bank.deposit(100);
        run(() -> {
            for (int i = 0; i < 1000; i++) bank.withdraw(150);
        }, () -> {
            for (int i = 0; i < 1000; i++) bank.balance();
        });
    }

    private static void run(Runnable a, Runnable b) {
        Thread ta = new Thread(a, "first");
        Thread tb = new Thread(b, "second");
        ta.start();
        tb.start();
        try {
            ta.join();
            tb.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
