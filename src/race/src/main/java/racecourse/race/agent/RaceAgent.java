package racecourse.race.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import racecourse.race.edges.Session;
import racecourse.race.edges.Tracker;
import racecourse.race.instrument.Exclusions;
import racecourse.race.instrument.RaceTransformer;
import racecourse.race.instrument.SourceExclusions;
import racecourse.race.report.RaceLog;

/**
 * The Java agent: installs the transformer and, when asked to, starts tracking for the whole run and
 * writes the report when the JVM exits. Without options it stays dormant: classes are instrumented but
 * nothing is tracked until {@link racecourse.race.Race#check} turns tracking on. Thread-safe.
 */
public final class RaceAgent {
    private RaceAgent() {
    }

    /** Entry point for {@code -javaagent}. */
    public static void premain(String args, Instrumentation inst) {
        install(args, inst, false);
    }

    /** Entry point for loading into a running JVM: also instruments the classes already loaded. */
    public static void agentmain(String args, Instrumentation inst) {
        install(args, inst, true);
    }

    private static void install(String args, Instrumentation inst, boolean retransform) {
        AgentOptions o = AgentOptions.parse(args);
        RaceTransformer t = new RaceTransformer(new Exclusions(o.exclude()),
                new SourceExclusions(o.excludeSource()), o.verbose());
        inst.addTransformer(t, true);
        Tracker.agentLoaded();
        if (retransform && inst.isRetransformClassesSupported()) {
            List<Class<?>> todo = new ArrayList<>();
            for (Class<?> c : inst.getAllLoadedClasses()) {
                if (inst.isModifiableClass(c) && !c.isHidden()
                        && t.instruments(c.getClassLoader(), c.getName().replace('.', '/'))) {
                    todo.add(c);
                }
            }
            for (Class<?> c : todo) {
                try {
                    inst.retransformClasses(c);
                } catch (Throwable e) {
                    System.err.println("race detector: cannot retransform " + c.getName() + ": " + e);
                }
            }
        }
        if (o.on()) {
            Thread main = Thread.currentThread();
            java.util.concurrent.atomic.AtomicBoolean mainThrew = new java.util.concurrent.atomic.AtomicBoolean();
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                if (thread == main) {
                    mainThrew.set(true);
                }
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            });
            RaceLog log = new RaceLog(o.max(), o.json(), o.text(), o.stderr() ? System.err : null);
            Tracker.begin(new Session(log));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (o.threadsMarker() != null && java.nio.file.Files.exists(o.threadsMarker())) {
                    racecourse.race.report.ThreadReport.print(System.err);
                }
                Session s = Tracker.end();
                if (s != null) {
                    s.log().finish(!mainThrew.get());
                }
            }, "race-report"));
        }
    }
}
