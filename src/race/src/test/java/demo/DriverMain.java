package demo;

import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import racecourse.race.Race;
import racecourse.race.RaceReport;

/**
 * Run in a JVM started with the dormant race agent by {@code RaceApiTests}: uses {@link Race#check} as a
 * notebook kernel would, and prints one tagged line per finding. Lives outside {@code racecourse.race}
 * so that it is instrumented.
 */
public final class DriverMain {
    static int plain;

    public static void main(String[] args) throws Exception {
        System.out.println("LOADED " + Race.agentLoaded());
        // touched before tracking: must not count
        plain = 1;
        RaceReport racy = Race.check(() -> {
            Thread a = new Thread(() -> plain++, "left");
            Thread b = new Thread(() -> plain++, "right");
            a.start();
            b.start();
            // not joined: check waits for the threads it started
        });
        System.out.println("RACY " + racy.count() + " " + racy.races().getFirst().variable());
        System.out.println("TEXT " + racy.text().contains("WARNING: DATA RACE") + " "
                + racy.text().contains("Found 1 data race(s)"));
        System.out.println("JSON " + racy.toJson().contains("\"variable\": \"DriverMain.plain\""));
        RaceReport clean = Race.check(() -> {
            Thread a = new Thread(() -> plain++);
            a.start();
            try {
                a.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            plain++;
        });
        System.out.println("CLEAN " + clean.count() + " " + clean.text().strip());
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            eval(shell, "class Tally { int n; }");
            eval(shell, "Tally tally = new Tally();");
            RaceReport cell = Race.check(() -> eval(shell, "Tally fresh = new Tally();",
                    "Thread t1 = new Thread(() -> fresh.n++);", "Thread t2 = new Thread(() -> fresh.n++);",
                    "t1.start();", "t2.start();", "t1.join();", "t2.join();", "fresh.n = 0;"));
            System.out.println("JSHELL " + cell.count() + " "
                    + (cell.count() > 0 ? cell.races().getFirst().variable() : "-"));
            System.out.println("JSHELLTEXT " + cell.text().replace('\n', '~'));
        }
        long t0 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            plain = i;
            sum += plain;
        }
        System.out.println("DORMANT " + (System.nanoTime() - t0) / 1_000_000 + "ms " + sum);
    }

    private static void eval(JShell shell, String... snippets) {
        for (String s : snippets) {
            for (SnippetEvent e : shell.eval(s)) {
                if (e.exception() != null || e.status() == jdk.jshell.Snippet.Status.REJECTED) {
                    throw new IllegalStateException(s + ": " + e.exception());
                }
            }
        }
    }
}
