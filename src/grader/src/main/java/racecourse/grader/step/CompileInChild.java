package racecourse.grader.step;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.sandbox.Job;

/**
 * Compiles a submission in a child JVM with a time limit and a heap cap, so code written to keep the compiler busy
 * (nested implicitly typed lambdas passed to overloaded methods, for example) costs only its own grade and never
 * the grader's process. Thread-safe (stateless; each call starts its own JVM).
 */
public final class CompileInChild {
    /** The default time limit of one compilation. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The default heap cap of the compiling JVM, in MB. */
    public static final int DEFAULT_HEAP_MB = 256;

    private CompileInChild() {
    }

    /**
     * Compiles {@code sources} (file name to text) in a child JVM. When the limit is reached, the output holds one
     * error saying so; when the child fails, one error with its reason.
     */
    public static CompileJava.Output compile(Map<String, String> sources, Duration timeout, int heapMb)
            throws IOException, InterruptedException {
        Job job = Job.compile(ChildJvm.newNonce(), sources);
        ChildJvm.Result run = new ChildJvm(heapMb, timeout, List.of()).run(job);
        if (run.timedOut()) {
            return new CompileJava.Output(Map.of(), List.of("compilation took longer than " + timeout.toSeconds()
                    + " s and was stopped: simplify the code (deeply nested lambdas, conditionals or generic calls passed "
                    + "to overloaded methods are slow to compile)"));
        }
        List<String> errors = new ArrayList<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        boolean done = false;
        for (Map<String, Object> r : run.reports()) {
            switch (String.valueOf(r.get("event"))) {
                case "error" -> errors.add(String.valueOf(r.get("message")));
                case "class" -> classes.put(String.valueOf(r.get("name")),
                        Base64.getDecoder().decode(String.valueOf(r.get("bytes"))));
                case "done" -> done = true;
                default -> { }
            }
        }
        if (!done) {
            String why = run.stderr().contains("OutOfMemoryError") ? "the compiler ran out of memory ("
                    + heapMb + " MB)" : "the compiler stopped unexpectedly (exit status " + run.exitCode() + ")";
            return new CompileJava.Output(Map.of(), List.of(why));
        }
        return new CompileJava.Output(errors.isEmpty() ? classes : Map.of(), errors);
    }
}
