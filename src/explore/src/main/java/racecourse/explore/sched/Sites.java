package racecourse.explore.sched;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table of instrumented source sites and field keys: the rewriter registers each access or call once, and the
 * scheduler looks it up by number to describe a step. Thread-safe: registration is synchronized, lookups read a
 * published array.
 */
public final class Sites {
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

    private static final Object LOCK = new Object();
    private static volatile Site[] sites = {new Site("?", "?", -1, null, "start", -1, false)}; // written under LOCK
    private static int count = 1; // guarded by LOCK
    private static final ConcurrentHashMap<String, Integer> FIELD_KEYS = new ConcurrentHashMap<>();

    private Sites() {
    }

    /** Registers a site and returns its number. */
    public static int add(Site site) {
        synchronized (LOCK) {
            Site[] s = sites;
            if (count == s.length) s = Arrays.copyOf(s, s.length * 2);
            s[count] = site;
            sites = s;
            return count++;
        }
    }

    /** The site with number {@code id}. */
    public static Site get(int id) {
        Site[] s = sites;
        return id >= 0 && id < s.length && s[id] != null ? s[id] : s[0];
    }

    /** A stable small number for the field {@code owner.name} (owner is the declaring class). */
    public static int fieldKey(String owner, String name) {
        return FIELD_KEYS.computeIfAbsent(owner + "." + name, k -> FIELD_KEYS.size());
    }
}
