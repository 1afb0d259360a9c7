package racecourse.race.edges;

import java.util.Arrays;

/**
 * The registry of instrumented sites, indexed by the int id compiled into the instrumented code.
 * Thread-safe: registration is synchronized; lookups read a volatile array.
 */
public final class Sites {
    private static final Object LOCK = new Object();
    private static volatile Site[] sites = new Site[1024];
    private static int count; // guarded by LOCK

    private Sites() {
    }

    /** Registers a site and returns its id. */
    public static int register(int kind, boolean write, String className, String method, String file, int line,
                               String owner, String name, int flags, int[] wrap, ClassLoader loader,
                               FieldInfo known) {
        synchronized (LOCK) {
            int id = count++;
            Site[] s = sites;
            if (id >= s.length) {
                s = Arrays.copyOf(s, s.length * 2);
            }
            s[id] = new Site(id, kind, write, className, method, file, line, owner, name, flags, wrap, loader, known);
            sites = s;
            return id;
        }
    }

    /** Returns the site with id {@code id}. */
    public static Site get(int id) {
        return sites[id];
    }

    /** Returns the number of registered sites. */
    public static int count() {
        synchronized (LOCK) {
            return count;
        }
    }
}
