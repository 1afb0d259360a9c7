package racecourse.race.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import racecourse.race.Access;
import racecourse.race.DataRace;
import racecourse.race.Frame;
import racecourse.race.edges.Site;
import racecourse.race.edges.Sites;

/**
 * Collects the races of one tracking session: once per pair of source locations, the first {@code max}
 * in full, the rest counted. Optionally writes each new race at once to stderr, a text file and a JSON
 * file, so that a killed program still leaves its races behind.
 *
 * <p>Thread-safe: reports are serialized by this object's monitor.
 */
public final class RaceLog {
    private static final int MAX_FRAMES = 32;

    private final int max;
    private final Path json;
    private final Path text;
    private final PrintStream err;
    private final ConcurrentHashMap<Long, Boolean> sitePairs = new ConcurrentHashMap<>();
    private final Set<String> locationPairs = new HashSet<>(); // guarded by this
    private final List<DataRace> races = new ArrayList<>(); // guarded by this
    private int count; // guarded by this
    private boolean finished; // guarded by this

    /**
     * Creates a log.
     *
     * @param max how many races to keep in full
     * @param json JSON file rewritten after each new race, or null
     * @param text text file appended with each new race, or null
     * @param err stream to print each new race on, or null
     */
    public RaceLog(int max, Path json, Path text, PrintStream err) {
        this.max = max;
        this.json = json;
        this.text = text;
        this.err = err;
        if (text != null) {
            write(text, "", false);
        }
        if (json != null) {
            writeJson(false);
        }
    }

    /** Returns whether a race between these two sites has not been seen yet (cheap, no allocation on repeats). */
    public boolean isNew(int site, int previousSite) {
        long key = site < previousSite ? ((long) site << 32) | previousSite : ((long) previousSite << 32) | site;
        return !sitePairs.containsKey(key) && sitePairs.putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Records a race found by the current access, unless its pair of locations was already reported. */
    public void report(String variable, String kind, boolean write, ThreadInfo current, int site, Throwable stack,
                       boolean previousWrite, ThreadInfo previous, int previousSite) {
        Site a = Sites.get(site);
        Site b = Sites.get(previousSite);
        String ka = a.locationKey();
        String kb = b.locationKey();
        // one report per variable and pair of lines: two variables racing at the same lines are two races; the
        // elements of one array count as one variable, so a racy loop over an array gives one report
        String same = kind.equals("array") ? variable.replaceAll(" element \\d+$", "") : variable;
        String pair = same + "@" + (ka.compareTo(kb) <= 0 ? ka + "|" + kb : kb + "|" + ka);
        synchronized (this) {
            if (finished || !locationPairs.add(pair)) {
                return;
            }
            count++;
            if (races.size() >= max) {
                return;
            }
            Access cur = new Access(write, current.name(), current.javaId(), frames(stack, a, false),
                    frames(current.createdAt(), null, true), current.isTask());
            Throwable prevStack = previous == null ? null : previous.siteStack(previousSite);
            Access prev = new Access(previousWrite, previous == null ? "?" : previous.name(),
                    previous == null ? -1 : previous.javaId(), frames(prevStack, b, false),
                    previous == null ? List.of() : frames(previous.createdAt(), null, true),
                    previous != null && previous.isTask());
            DataRace r = new DataRace(variable, kind, cur, prev);
            races.add(r);
            String t = RaceText.race(r);
            if (err != null) {
                err.print(t);
                err.flush();
            }
            if (text != null) {
                write(text, t, true);
            }
            if (json != null) {
                writeJson(false);
            }
        }
    }

    /** Returns the number of distinct races found so far. */
    public synchronized int count() {
        return count;
    }

    /** Returns the races kept in full so far. */
    public synchronized List<DataRace> races() {
        return List.copyOf(races);
    }

    /** Ends the session: writes the summary and the complete JSON report. Idempotent. */
    public synchronized void finish() {
        finish(true);
    }

    /**
     * Ends the session: writes the summary and the JSON report, marked complete only if {@code complete} (the
     * program ended normally). Idempotent.
     */
    public synchronized void finish(boolean complete) {
        if (finished) {
            return;
        }
        finished = true;
        String summary = RaceText.summary(count, races.size());
        if (err != null && count > 0) {
            err.print(summary);
            err.flush();
        }
        if (text != null) {
            write(text, summary, true);
        }
        if (json != null) {
            writeJson(complete);
        }
    }

    private void writeJson(boolean complete) {
        String s = RaceJson.report(races, count, complete);
        try {
            Path tmp = json.resolveSibling(json.getFileName() + ".tmp");
            Files.writeString(tmp, s, StandardCharsets.UTF_8);
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.err.println("race detector: cannot write " + json + ": " + e);
        }
    }

    private static void write(Path p, String s, boolean append) {
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write(s);
        } catch (IOException | RuntimeException e) {
            System.err.println("race detector: cannot write " + p + ": " + e);
        }
    }

    /**
     * Converts a captured stack to frames: the detector's own frames are dropped; for a thread's creation
     * point the leading JDK frames are dropped too, so that it starts at the code that made the thread.
     * Without a stack, the site alone gives one frame.
     */
    static List<Frame> frames(Throwable t, Site site, boolean creation) {
        List<Frame> out = new ArrayList<>();
        if (t != null) {
            boolean leading = true;
            for (StackTraceElement e : t.getStackTrace()) {
                String c = e.getClassName();
                if (c.startsWith("racecourse.race.")) {
                    continue;
                }
                if (creation && leading && (c.startsWith("java.") || c.startsWith("jdk."))) {
                    continue;
                }
                leading = false;
                out.add(new Frame(Names.frameClass(c), e.getMethodName(), Names.fileName(e.getFileName()),
                        e.getLineNumber()));
                if (out.size() == MAX_FRAMES) {
                    break;
                }
            }
        }
        if (out.isEmpty() && site != null) {
            out.add(new Frame(Names.frameClass(site.className()), site.method(), Names.fileName(site.file()),
                    site.line()));
        }
        return out;
    }
}
