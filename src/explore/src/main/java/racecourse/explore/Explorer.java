package racecourse.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import racecourse.explore.program.Program;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.report.Outcome;
import racecourse.explore.sched.Ending;
import racecourse.explore.sched.Run;
import racecourse.explore.sched.Strategy;
import racecourse.explore.sched.WorkerPool;
import racecourse.explore.strategy.Replay;

/**
 * Runs a program under a strategy, one schedule after another, and gathers the outcomes with their witnesses
 * (the witness of an outcome is its schedule with the fewest preemptions). Stops when the strategy is done, the
 * budget is spent, the calling thread is interrupted, {@code stop} says so, or a schedule cannot be controlled.
 * Thread-safe: each call explores on its own.
 */
public final class Explorer {
    private static final int TRACED_STEPS = 400;

    private Explorer() {
    }

    /** Explores {@code program} with {@code options}; the replay hint has {@code %s} for a schedule. */
    public static ExploreResult explore(Program program, ExploreOptions options, String replayHint) {
        return explore(program, options, replayHint, () -> false, p -> { });
    }

    /**
     * Explores with a stop signal and a progress callback (called about once a second with a one-line status).
     */
    public static ExploreResult explore(Program program, ExploreOptions options, String replayHint,
                                        BooleanSupplier stop, Consumer<String> progress) {
        try {
            return run(program, options, replayHint, stop, progress);
        } finally {
            program.close();
        }
    }

    private static ExploreResult run(Program program, ExploreOptions options, String replayHint,
                                     BooleanSupplier stop, Consumer<String> progress) {
        long start = System.nanoTime();
        Strategy strategy = options.newStrategy();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, Tally> races = new LinkedHashMap<>();
        long counted = 0;
        long dropped = 0;
        String stopReason = "";
        String note = "";
        long nextProgress = start + 1_000_000_000L;
        boolean replay = strategy instanceof Replay;
        try (WorkerPool pool = new WorkerPool()) {
            WorkerPool current = pool;
            while (strategy.hasNext()) {
                if (counted >= options.schedules()) {
                    stopReason = "the budget of " + options.schedules() + " schedules was spent";
                    break;
                }
                if (Thread.currentThread().isInterrupted() || stop.getAsBoolean()) {
                    stopReason = "interrupted; these are the schedules explored so far";
                    break;
                }
                Run run = new Run(options.runConfig(replay), strategy.next(), current);
                Ending ending;
                Program.Instance instance;
                try {
                    instance = program.prepare();
                } catch (Exception | LinkageError e) {
                    throw new IllegalStateException("cannot prepare the program: " + e, e);
                }
                ending = run.execute(instance.starts());
                if (ending.kind() == Ending.Kind.COMPLETED && instance.result() != null) {
                    String value;
                    try {
                        value = "result " + instance.result().get();
                    } catch (Exception | Error e) {
                        value = "result could not be read: " + e;
                    }
                    ending = new Ending(Ending.Kind.COMPLETED, value, "");
                } else if (ending.kind() == Ending.Kind.COMPLETED) {
                    ending = new Ending(Ending.Kind.COMPLETED, "ran to the end", "");
                }
                strategy.done(run, ending);
                for (String race : run.races()) {
                    Tally t = races.computeIfAbsent(race, k -> new Tally());
                    t.count++;
                    if (t.witness == null) t.witness = run.schedule();
                }
                if (ending.kind() == Ending.Kind.DROPPED) {
                    dropped++;
                } else if (strategy.counts(run) || replay) {
                    counted++;
                    Tally t = tallies.computeIfAbsent(ending.summary(), k -> new Tally());
                    t.count++;
                    if (t.witness == null || run.preemptions() < t.preemptions) {
                        t.kind = ending.kind();
                        t.witness = run.schedule();
                        t.preemptions = run.preemptions();
                        t.detail = ending.detail();
                        t.steps = run.trace();
                    }
                }
                if (ending.kind() == Ending.Kind.REPLAY_ERROR && !replay) {
                    stopReason = ending.detail();
                    break;
                }
                if (run.abandoned()) {
                    stopReason = "a thread could not be brought back under control (see the unsupported outcome)";
                    pool.close();
                    break;
                }
                if (counted == 1 && run.threadCount() == 1 && ending.kind() != Ending.Kind.DROPPED) {
                    note = "The program ran a single thread (it started no others): it ran once, with one schedule.";
                    break;
                }
                long now = System.nanoTime();
                if (now > nextProgress) {
                    progress.accept(counted + " schedules, " + tallies.size() + " outcomes, "
                            + (now - start) / 1_000_000 + " ms");
                    nextProgress = now + 1_000_000_000L;
                }
            }
        }
        boolean complete = strategy.exhaustive() && !strategy.hasNext() && stopReason.isEmpty();
        List<Outcome> outcomes = new ArrayList<>();
        tallies.forEach((label, t) -> outcomes.add(new Outcome(t.kind, label, t.count, t.witness, t.preemptions,
                t.detail, t.steps)));
        outcomes.sort((a, b) -> Long.compare(b.schedules(), a.schedules()));
        List<Outcome> withSteps = new ArrayList<>();
        for (Outcome o : outcomes) {
            withSteps.add(o.steps().isEmpty() && !replay ? traced(program, options, o) : o); // every witness can be drawn
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<ExploreResult.Race> raceList = new ArrayList<>();
        races.forEach((text, t) -> raceList.add(new ExploreResult.Race(text, t.count, t.witness)));
        return new ExploreResult(program.describe(), replay ? "one given schedule" : strategy.describe(), counted,
                dropped, complete, stopReason, note, millis, withSteps, options.races(), raceList, replayHint);
    }

    /** Runs an outcome's witness again with every step described. */
    private static Outcome traced(Program program, ExploreOptions options, Outcome o) {
        if (o.witness().split(" ").length > TRACED_STEPS || o.kind() == Ending.Kind.UNSUPPORTED) return o;
        try (WorkerPool pool = new WorkerPool()) {
            Replay replay = Replay.parse(o.witness());
            Run run = new Run(options.runConfig(true), replay.next(), pool);
            Ending ending = run.execute(program.prepare().starts());
            if (run.abandoned()) return o;
            // the replay numbers objects as its steps first mention them: its report uses the same numbers
            return ending.kind() == o.kind() && !ending.detail().isEmpty() ? o.withSteps(run.trace(), ending.detail())
                    : o.withSteps(run.trace());
        } catch (Exception | Error e) {
            return o;
        }
    }

    /** The running count and best witness of one outcome. */
    private static final class Tally {
        Ending.Kind kind;
        long count;
        String witness;
        int preemptions;
        String detail;
        List<String> steps;
    }
}
