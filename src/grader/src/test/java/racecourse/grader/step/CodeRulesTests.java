package racecourse.grader.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Exercise;

/**
 * The teller's confinement rule is an allow-list: every synchronizer family breaks it, not just the ones named, and
 * each violation names the call and its line in the learner's cell; a thread, a queue and the executor API pass.
 */
class CodeRulesTests {
    private static final String HEADER = "import java.util.concurrent.*;\nimport java.util.concurrent.atomic.*;\n"
            + "import java.util.concurrent.locks.*;\n";

    private static List<String> violations(String body) throws Exception {
        Exercise teller = TestCourse.course().exercise("teller");
        CompileJava.Output out = CompileJava.compile(Map.of("Teller.java", HEADER + body), "");
        assertTrue(out.ok(), out.errors().toString());
        List<CheckCodeRules.Finding> f = CheckCodeRules.check(teller.codeRules(), out.classes(), 3);
        assertEquals(1, f.size());
        return f.get(0).uses();
    }

    @Test
    void everySynchronizerBreaksTheRuleWithItsLine() throws Exception {
        String[] synchronizers = {"new Semaphore(1).acquireUninterruptibly()", "new Exchanger<Integer>().hashCode()",
            "new Phaser(1).arrive()", "new CountDownLatch(1).countDown()", "new CyclicBarrier(1).reset()",
            "new ReentrantLock().lock()", "new StampedLock().tryOptimisticRead()", "new AtomicInteger().get()",
            "new LongAdder().sum()", "new CompletableFuture<Integer>().complete(1)",
            "java.util.Collections.synchronizedList(new java.util.ArrayList<Integer>()).size()",
            "java.lang.invoke.MethodHandles.lookup().hashCode()"};
        for (String use : synchronizers) {
            List<String> found = violations("class Teller {\n  int balance;\n  void deposit(int a) {\n    " + use
                    + ";\n  }\n}\n");
            assertTrue(!found.isEmpty(), use + " must break the rule");
            assertTrue(found.stream().anyMatch(v -> v.contains("line 4") && v.contains("Teller.deposit")),
                    use + ": " + found);
        }
        List<String> sync = violations("class Teller {\n  int balance;\n  void deposit(int a) {\n"
                + "    synchronized (this) { balance += a; }\n  }\n}\n");
        assertTrue(sync.stream().anyMatch(v -> v.contains("synchronized block") && v.contains("line 4")),
                sync.toString());
    }

    @Test
    void aThreadQueuesAndExecutorsAreAllowed() throws Exception {
        assertEquals(List.of(), violations("""
                class Teller {
                    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
                    private final ExecutorService pool = Executors.newSingleThreadExecutor();
                    private int balance;
                    private final Thread worker = new Thread(() -> { });
                    int balance() throws Exception {
                        Future<Integer> f = pool.submit(() -> balance);
                        BlockingQueue<Integer> answer = new ArrayBlockingQueue<>(1);
                        inbox.add(() -> answer.add(balance));
                        return f.get(1, TimeUnit.SECONDS) + answer.size();
                    }
                }
                """));
    }
}
