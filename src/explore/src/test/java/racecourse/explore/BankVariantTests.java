package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.compile.Javac;
import racecourse.explore.program.MainProgram;
import racecourse.explore.report.ExploreResult;

/** The bank exercise's check-then-act variant overdraws under the explorer whatever the seed. */
class BankVariantTests {
    private static final String DRIVER = """
            class Withdrawals {
                public static void main(String[] args) throws InterruptedException {
                    Bank bank = new Bank();
                    bank.deposit(100);
                    Thread a = new Thread(() -> bank.withdraw(60));
                    Thread b = new Thread(() -> bank.withdraw(60));
                    a.start();
                    b.start();
                    a.join();
                    b.join();
                    System.out.println(bank.balance());
                }
            }
            """;

    private static Path variant() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path v = p.resolve("exercises/bank/variants/checkthenact.java");
            if (Files.isRegularFile(v)) return v;
        }
        throw new IllegalStateException("exercises/bank/variants/checkthenact.java not found");
    }

    @Test
    void overdraftFoundOnEverySeed(@TempDir Path dir) throws Exception {
        Path bank = dir.resolve("Bank.java");
        Files.copy(variant(), bank);
        Path driver = dir.resolve("Withdrawals.java");
        Files.writeString(driver, DRIVER);
        Path out = dir.resolve("classes");
        Javac.compile(List.of(bank, driver), List.of(), out);
        ClassLoader loader = Javac.loader(List.of(out.toString()));
        long slowest = 0;
        for (long seed = 0; seed < 100; seed++) {
            long start = System.nanoTime();
            ExploreResult r = Explorer.explore(new MainProgram(loader, "Withdrawals", new String[0]),
                    ExploreOptions.defaults().withStrategy("random").withSchedules(40).withSeed(seed), "%s");
            slowest = Math.max(slowest, System.nanoTime() - start);
            assertTrue(r.counts().containsKey("result printed \"-20\""), "seed " + seed + ":\n" + r.text());
        }
        System.out.println("slowest of 100 seeds: " + slowest / 1_000_000 + " ms");
        ExploreResult all = Explorer.explore(new MainProgram(loader, "Withdrawals", new String[0]),
                ExploreOptions.defaults(), "%s");
        assertTrue(all.complete());
        // Either one withdrawal is refused (40) or both pass the check and the account is overdrawn (-20).
        assertEquals(2, all.counts().size(), all.text());
        assertEquals(2, all.outcome("result printed \"-20\"").schedules(), all.text());
    }
}
