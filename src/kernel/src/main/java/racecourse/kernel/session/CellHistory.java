package racecourse.kernel.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells run in this kernel session, answering Jupyter's {@code history_request} (tail, range and glob
 * search, with or without each cell's text result). Kept in memory for the life of the kernel. Thread-safe.
 */
public final class CellHistory implements HistoryManager {
    /** The session number this kernel reports; one kernel process is one session. */
    public static final int SESSION = 1;

    private final Object lock = new Object();
    private final List<HistoryEntry> entries = new ArrayList<>(); // guarded by lock

    /** Records a cell that was run with {@code store_history}, with its plain-text result or null. */
    public void record(int executionCount, String code, String output) {
        synchronized (lock) {
            entries.add(new HistoryEntry(SESSION, executionCount, code, output));
        }
    }

    @Override
    public List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        List<HistoryEntry> all = snapshot();
        return shaped(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()), flags);
    }

    @Override
    public List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        int wanted = session <= 0 ? SESSION : session;
        if (wanted != SESSION) return List.of();
        return shaped(snapshot().stream()
                .filter(e -> e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)).toList(), flags);
    }

    @Override
    public List<HistoryEntry> search(String glob, int n, Set<ResultFlag> flags) {
        Pattern pattern = globPattern(glob == null || glob.isEmpty() ? "*" : glob);
        List<HistoryEntry> matches = new ArrayList<>();
        for (HistoryEntry e : snapshot()) {
            if (pattern.matcher(e.getInput()).matches()) matches.add(e);
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            Set<String> seen = new LinkedHashSet<>();
            List<HistoryEntry> unique = new ArrayList<>();
            for (int i = matches.size() - 1; i >= 0; i--) {
                if (seen.add(matches.get(i).getInput())) unique.addFirst(matches.get(i));
            }
            matches = unique;
        }
        if (n > 0) matches = matches.subList(Math.max(0, matches.size() - n), matches.size());
        return shaped(matches, flags);
    }

    /** A glob as IPython's history search reads it: {@code *} any text, {@code ?} one character. */
    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private List<HistoryEntry> snapshot() {
        synchronized (lock) {
            return List.copyOf(entries);
        }
    }

    private static List<HistoryEntry> shaped(List<HistoryEntry> found, Set<ResultFlag> flags) {
        if (flags.contains(ResultFlag.INCLUDE_OUTPUT)) {
            // a cell without a value still gets its [input, output] pair, with an empty output
            return found.stream().map(e -> new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(),
                    e.hasOutput() ? e.getOutput() : "")).toList();
        }
        return found.stream().map(e -> new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), null)).toList();
    }
}
