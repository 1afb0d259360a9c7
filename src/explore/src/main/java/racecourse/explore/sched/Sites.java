package racecourse.explore.sched;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import racecourse.race.instrument.ExplorerInstrumenter;
import racecourse.race.report.Names;

/**
 * What the scheduler says about each instrumented site: the sites themselves are numbered in the shared
 * instrumentation's one registry ({@link racecourse.race.edges.Sites}, the same numbers the race detector
 * uses); the explorer's mode notes here, under that number, the step's description, its field key and whether
 * it synchronizes. Thread-safe: notes are written under a lock and read from a published array.
 */
public final class Sites {
    /** The site number of a step with no source site (a thread's start, a model's own step). */
    public static final int NONE = -1;

    /**
     * One site.
     *
     * @param className  the class, dotted
     * @param method     the method name
     * @param line       the source line, or -1
     * @param file       the source file, or null
     * @param what       a short description of the step ("read Counter.v", "lock", ...)
     * @param fieldKey   the field key for field accesses, or -1
     * @param write      whether the step writes
     * @param ordered    whether the access synchronizes (a volatile field, an atomic, a concurrent collection)
     */
    public record Site(String className, String method, int line, String file, String what, int fieldKey,
                       boolean write, boolean ordered) {
        /** A site of a plain (not synchronizing) access or call. */
        public Site(String className, String method, int line, String file, String what, int fieldKey, boolean write) {
            this(className, method, line, file, what, fieldKey, write, false);
        }

        /** "File.java:12" or "Class.method" when the line is unknown. */
        public String where() {
            String f = file != null ? file : className.substring(className.lastIndexOf('.') + 1) + ".java";
            return line > 0 ? f + ":" + line : className + "." + method;
        }
    }

    /** The notes the explorer's instrumentation writes. */
    public static final ExplorerInstrumenter.Steps STEPS = Sites::note;

    private static final Site START = new Site("?", "?", -1, null, "start", -1, false);
    private static final Object LOCK = new Object();
    private static volatile Site[] sites = new Site[1024]; // written under LOCK
    private static volatile String[] variables = new String[1024]; // written under LOCK
    private static final ConcurrentHashMap<String, Integer> FIELD_KEYS = new ConcurrentHashMap<>();

    private Sites() {
    }

    private static void note(int id, String what, String fieldOwner, String fieldName, boolean write,
                             boolean ordered) {
        racecourse.race.edges.Site s = racecourse.race.edges.Sites.get(id);
        int key = fieldName == null ? -1 : fieldKey(fieldOwner, fieldName);
        String variable = fieldName == null ? null
                : Names.typeName(fieldOwner.replace('/', '.')) + "." + fieldName; // as the detector names it
        put(id, new Site(s.className(), s.method(), s.line(), s.file(), what, key, write, ordered), variable);
    }

    private static void put(int id, Site site, String variable) {
        synchronized (LOCK) {
            Site[] s = sites;
            String[] v = variables;
            if (id >= s.length) {
                s = Arrays.copyOf(s, Math.max(s.length * 2, id + 1));
                v = Arrays.copyOf(v, s.length);
            }
            s[id] = site;
            v[id] = variable;
            variables = v;
            sites = s;
        }
    }

    /**
     * Notes the field a site found to access while running (a {@code VarHandle} call's), the first time: the site's
     * field key and variable name become that field's, as for an ordinary access.
     */
    public static void noteField(int id, String owner, String name) {
        Site s = get(id);
        if (s.fieldKey() >= 0 || s == START) return;
        put(id, new Site(s.className(), s.method(), s.line(), s.file(), s.what(), fieldKey(owner, name), s.write(),
                s.ordered()), Names.typeName(owner.replace('/', '.')) + "." + name);
    }

    /** The field a site accesses, named as the race detector names it ({@code Counter.value}), or "?". */
    public static String variable(int id) {
        String[] v = variables;
        return id >= 0 && id < v.length && v[id] != null ? v[id] : "?";
    }

    /** Registers a site found while running (not by the instrumentation) and returns its number. */
    public static int add(Site site) {
        int id = racecourse.race.edges.Sites.register(racecourse.race.edges.Site.CALL, site.write(),
                site.className(), site.method(), site.file(), site.line(), null, null, 0, null, null, null);
        put(id, site, null);
        return id;
    }

    /** The site with number {@code id}; {@link #NONE} and unknown numbers give the start of a thread. */
    public static Site get(int id) {
        Site[] s = sites;
        return id >= 0 && id < s.length && s[id] != null ? s[id] : START;
    }

    /** A stable small number for the field {@code owner.name} (owner is the declaring class). */
    public static int fieldKey(String owner, String name) {
        return FIELD_KEYS.computeIfAbsent(owner + "." + name, k -> FIELD_KEYS.size());
    }
}
