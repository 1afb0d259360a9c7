package racecourse.stress.engine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a {@link TestModel} in this JVM in the manner of jcstress: batches of fresh state and result objects,
 * long-lived worker threads (never more than the machine's cores), one actor (or a rotating group of actors)
 * per worker, and spin checkpoints between batches (no locks, no barrier objects per sample) so that the actors
 * start each batch together and overlap.
 * Between batches the workers run the arbiter, count outcomes into primitive tables and refill their share of
 * the batch. The calling thread only watches: it reports progress, and when it is interrupted it asks the
 * workers to stop after the current batch and returns what they counted. Thread-safe: each run has its own
 * state.
 *
 * <p>Memory consistency effects: everything the workers counted happens-before {@link #run} returns.
 */
public final class Engine {
    /** How a run is bounded and reported. */
    public record Settings(long warmupNanos, long timeNanos, long maxSamples, int batchSize, long seed,
                           String watched, int cores, long progressNanos, Consumer<Snapshot> progress) {
    }

    /** Counts so far, for a progress display. */
    public record Snapshot(long samples, long interesting, long forbidden, long elapsedNanos, boolean warmup) {
    }

    /** One outcome row: counted samples, warm-up samples, and the time of its first sighting (-1: never). */
    public record Row(String id, long count, long warmupCount, long firstSeenNanos) {
    }

    /**
     * What a run counted.
     *
     * @param overlappedSamples counted samples during which at least two actors ran at the same moment
     *                          ({@link Overlap}); -1 when the test has fewer than two actors
     */
    public record RunData(List<Row> rows, long samples, long warmupSamples, long measuredNanos, long totalNanos,
                          boolean interrupted, int threads, List<String> warnings, long overlappedSamples) {
    }

    private static final RuntimeException ABORT = new RuntimeException("run aborted", null, false, false) {
    };
    private static final int FIRST_BATCH = 1024;
    private static final int SPINS_BEFORE_YIELD = 1 << 12;

    private Engine() {
    }

    /**
     * Runs the test until its time or sample budget is spent, the watched outcome is counted, or the calling
     * thread is interrupted (its interrupt status is then set again on return).
     *
     * @throws IllegalStateException when an actor or the arbiter throws; the cause is the test's exception
     */
    public static RunData run(TestModel model, Settings settings) {
        return new Run(model, settings).execute();
    }

    /** A batch size for a round: doubling from {@value #FIRST_BATCH} up to the target, jittered by the seed. */
    static int batchSize(Settings s, int round) {
        long z = mix(s.seed() + round * 0x9E3779B97F4A7C15L);
        double jitter = 0.8 + 0.4 * ((z >>> 11) * 0x1.0p-53);
        int base = round < 20 ? (int) Math.min(s.batchSize(), (long) FIRST_BATCH << round) : s.batchSize();
        return Math.max(1, (int) (base * jitter));
    }

    private static long cpuTime() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Worker {
        final int index;
        final OutcomeTable table;
        long generation;
        long waitNanos;
        long busyNanos;
        long cpuNanos = -1;
        long wallNanos;
        volatile long samples;
        volatile long warmupSamples;
        volatile long interesting;
        volatile long forbidden;
        volatile boolean sawWatched;

        Worker(int index, TestModel model, String watched) {
            this.index = index;
            this.table = new OutcomeTable(model.outcomes(), watched);
        }
    }

    private static final class Run {
        final TestModel model;
        final Settings settings;
        final int threads;
        final BatchLoop[] actors;
        final BatchLoop arbiter;
        final FillLoop fill;
        final Object[] states;
        final Object[] results;
        final long[][] stamps;
        final Worker[] workers;
        final AtomicLong arrived = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch finished;
        volatile boolean broken;
        volatile boolean stopRequested;
        // Decisions of worker 0, written before it arrives at a checkpoint and read by all after it.
        boolean stopNow;
        boolean warmRound;
        long warmEnd;
        long deadline;
        long startNanos;
        long measuredStart;
        long endNanos;
        // Written by worker 0 only, between the end of a batch and the next checkpoint; read after all finished.
        long overlapped;

        Run(TestModel model, Settings settings) {
            this.model = model;
            this.settings = settings;
            this.threads = Math.max(1, Math.min(model.actors().size(), settings.cores()));
            this.actors = model.actors().stream().map(LoopSpinner::callLoop).toArray(BatchLoop[]::new);
            this.arbiter = model.arbiter() == null ? null : LoopSpinner.callLoop(model.arbiter());
            this.fill = LoopSpinner.fillLoop(model.newState(), model.newResult());
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, settings.batchSize() * 1.25 + 1);
            this.states = new Object[capacity];
            this.results = new Object[capacity];
            this.stamps = new long[actors.length][Overlap.chunks(capacity) + 1];
            this.workers = new Worker[threads];
            for (int w = 0; w < threads; w++) workers[w] = new Worker(w, model, settings.watched());
            this.finished = new CountDownLatch(threads);
        }

        RunData execute() {
            List<String> warnings = new ArrayList<>();
            int cores = settings.cores();
            if (model.actors().size() > threads) {
                warnings.add(model.actors().size() + " actors share " + threads + " worker threads (" + cores
                        + " cores): actors on one thread never overlap each other; the grouping rotates every batch");
            }
            startNanos = System.nanoTime();
            warmRound = settings.warmupNanos() > 0;
            warmEnd = startNanos + settings.warmupNanos();
            measuredStart = warmRound ? -1 : startNanos;
            deadline = warmRound ? Long.MAX_VALUE : startNanos + settings.timeNanos();
            List<Thread> started = new ArrayList<>();
            for (Worker w : workers) {
                Thread t = new Thread(() -> work(w), "racecourse-stress-" + w.index);
                t.setDaemon(true);
                started.add(t);
            }
            started.forEach(Thread::start);
            boolean interrupted = false;
            long lastProgress = System.nanoTime();
            while (true) {
                try {
                    long wait = settings.progress() == null ? 50_000_000L : Math.min(settings.progressNanos(), 50_000_000L);
                    if (finished.await(wait, TimeUnit.NANOSECONDS)) break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stopRequested = true;
                }
                if (settings.progress() != null && System.nanoTime() - lastProgress >= settings.progressNanos()) {
                    lastProgress = System.nanoTime();
                    settings.progress().accept(snapshot());
                }
                if (stopRequested && !waitForStop()) {
                    warnings.add("the workers did not stop within 5 s; their last batch is not counted");
                    break;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            Throwable failed = failure.get();
            if (failed != null) throw new IllegalStateException(model.name() + ": the test threw " + failed, failed);
            long end = endNanos != 0 ? endNanos : System.nanoTime();
            return collect(warnings, interrupted, end);
        }

        private boolean waitForStop() {
            long give = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < give) {
                try {
                    if (finished.await(give - System.nanoTime(), TimeUnit.NANOSECONDS)) return true;
                } catch (InterruptedException again) {
                    // Already stopping; keep waiting for the workers to finish their batch.
                }
            }
            broken = true;
            return false;
        }

        Snapshot snapshot() {
            long samples = 0, interesting = 0, forbidden = 0;
            for (Worker w : workers) {
                samples += w.samples;
                interesting += w.interesting;
                forbidden += w.forbidden;
            }
            return new Snapshot(samples, interesting, forbidden, System.nanoTime() - startNanos, warmRound);
        }

        private RunData collect(List<String> warnings, boolean interrupted, long end) {
            Map<String, long[]> rows = new LinkedHashMap<>();
            long samples = 0, warm = 0, wait = 0, busy = 0;
            for (Worker w : workers) {
                samples += w.samples;
                warm += w.warmupSamples;
                wait += w.waitNanos;
                busy += w.busyNanos;
                w.table.forEach((id, count, warmCount, first) -> {
                    long[] row = rows.computeIfAbsent(id, k -> new long[] {0, 0, Long.MAX_VALUE});
                    row[0] += count;
                    row[1] += warmCount;
                    row[2] = Math.min(row[2], first - startNanos);
                });
            }
            List<Row> list = new ArrayList<>();
            rows.forEach((id, r) -> list.add(new Row(id, r[0], r[1], r[2] == Long.MAX_VALUE ? -1 : r[2])));
            if (wait + busy > 0 && wait > 0.5 * (wait + busy) && samples > 0) {
                warnings.add(String.format("the actors waited for each other %.0f%% of the time: the machine is busy"
                        + " or has fewer free cores than actors", 100.0 * wait / (wait + busy)));
            }
            long cpu = 0, wall = 0;
            for (Worker w : workers) {
                if (w.cpuNanos < 0) {
                    wall = 0;
                    break;
                }
                cpu += w.cpuNanos;
                wall += w.wallNanos;
            }
            if (wall > 100_000_000L && cpu < 0.8 * wall) {
                warnings.add(String.format("busy machine: the actor threads got %.0f%% of their wall time on a CPU;"
                        + " other work competes with them, so expect fewer samples and less overlap", 100.0 * cpu / wall));
            }
            long measured = measuredStart < 0 ? 0 : Math.max(0, end - measuredStart);
            return new RunData(list, samples, warm, measured, end - startNanos, interrupted, threads, warnings,
                    actors.length < 2 ? -1 : overlapped);
        }

        private void work(Worker me) {
            long cpu0 = cpuTime();
            long wall0 = System.nanoTime();
            try {
                int round = 0;
                int n = batchSize(settings, 0);
                int[] mine = new int[actors.length];
                fillShare(me, n);
                await(me);
                while (!stopNow) {
                    boolean warm = warmRound;
                    long t0 = System.nanoTime();
                    int count = assign(round, me.index, mine);
                    for (int k = 0; k < count; k++) runStamped(mine[k], n);
                    me.busyNanos += System.nanoTime() - t0;
                    await(me);
                    if (me.index == 0 && !warm && actors.length > 1) overlapped += Overlap.overlappedSamples(stamps, n);
                    int lo = share(me.index, n), hi = share(me.index + 1, n);
                    if (arbiter != null) arbiter.run(states, results, lo, hi);
                    long c = me.table.count(results, lo, hi, warm);
                    if (warm) {
                        me.warmupSamples += hi - lo;
                    } else {
                        me.samples += hi - lo;
                        me.interesting += (int) c;
                        me.forbidden += c >>> 32;
                        if (me.table.watchedSeen()) me.sawWatched = true;
                    }
                    round++;
                    n = batchSize(settings, round);
                    // The next batch's shares differ from this one's: refill only after everyone has counted.
                    await(me);
                    fillShare(me, n);
                    if (me.index == 0) decide();
                    await(me);
                }
            } catch (Throwable t) {
                if (t != ABORT) {
                    failure.compareAndSet(null, t);
                    broken = true;
                }
            } finally {
                long cpu1 = cpuTime();
                me.wallNanos = System.nanoTime() - wall0;
                if (cpu0 >= 0 && cpu1 >= 0) me.cpuNanos = cpu1 - cpu0;
                finished.countDown();
            }
        }

        /** Runs one actor over the batch in chunks, stamping the clock before each chunk and after the last. */
        private void runStamped(int actor, int n) {
            BatchLoop loop = actors[actor];
            long[] mine = stamps[actor];
            int c = 0;
            for (int lo = 0; lo < n; lo += Overlap.CHUNK) {
                mine[c++] = System.nanoTime();
                loop.run(states, results, lo, Math.min(n, lo + Overlap.CHUNK));
            }
            mine[c] = System.nanoTime();
        }

        /** Worker 0 decides, between batches, whether the next batch runs and whether it is warm-up. */
        private void decide() {
            long now = System.nanoTime();
            if (warmRound && now >= warmEnd) {
                warmRound = false;
                measuredStart = now;
                deadline = now + settings.timeNanos();
            }
            boolean stop = stopRequested || now >= deadline;
            if (!warmRound) {
                long samples = 0;
                boolean seen = false;
                for (Worker w : workers) {
                    samples += w.samples;
                    seen |= w.sawWatched;
                }
                stop |= samples >= settings.maxSamples() || seen;
            }
            if (stop) endNanos = now;
            stopNow = stop;
        }

        private void fillShare(Worker me, int n) {
            fill.fill(states, results, share(me.index, n), share(me.index + 1, n));
        }

        private int share(int index, int n) {
            return (int) ((long) n * index / threads);
        }

        /** The actors this worker runs in a round: its own, or a rotating group when actors outnumber threads. */
        private int assign(int round, int worker, int[] out) {
            int a = actors.length;
            if (a == threads) {
                out[0] = worker;
                return 1;
            }
            int[] order = new int[a];
            for (int i = 0; i < a; i++) order[i] = i;
            long z = mix(settings.seed() ^ (round * 0xD1B54A32D192ED03L));
            for (int i = a - 1; i > 0; i--) {
                int j = (int) Long.remainderUnsigned(z, i + 1);
                z = mix(z);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            int count = 0;
            for (int i = worker; i < a; i += threads) out[count++] = order[i];
            return count;
        }

        private void await(Worker me) {
            long target = ++me.generation * threads;
            if (arrived.incrementAndGet() >= target) return;
            long t0 = System.nanoTime();
            int spins = 0;
            while (arrived.get() < target) {
                if (broken) throw ABORT;
                if (++spins < SPINS_BEFORE_YIELD) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            me.waitNanos += System.nanoTime() - t0;
        }
    }
}
