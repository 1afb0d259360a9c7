package racecourse.race.report;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * What a report needs to know about a tracked thread: its name and id, where it was created, and the
 * stack of its first access at each site (the stack shown for a "previous" access).
 * Thread-safe: written by the owning thread, read by reporting threads under {@link RaceLog}'s lock;
 * the fields are volatile or only grow.
 */
public final class ThreadInfo {
    private final int tid;
    private final int firstTime;
    private final boolean keepStacks;
    private volatile String name = "?";
    private volatile long javaId = -1;
    private volatile WeakReference<Thread> thread = new WeakReference<>(null);
    private volatile Throwable createdAt;
    private volatile boolean task;
    private volatile int[] sites = new int[2]; // written by the owner only, published by the volatile stacks
    private volatile Throwable[] stacks = new Throwable[2];
    private int count; // owner only

    /** Creates the info of a thread with detector id {@code tid} whose clock starts at {@code firstTime}. */
    public ThreadInfo(int tid, int firstTime, boolean keepStacks) {
        this.tid = tid;
        this.firstTime = firstTime;
        this.keepStacks = keepStacks;
    }

    /** Returns whether this thread's stacks are recorded (see {@code Session.STACK_THREADS}). */
    public boolean keepsStacks() {
        return keepStacks;
    }

    /** Returns the time the thread's own clock starts at (later than that of an earlier thread with its id). */
    public int firstTime() {
        return firstTime;
    }

    /** Returns the detector id. */
    public int tid() {
        return tid;
    }

    /** Records the Java thread this info describes. */
    public void bind(Thread t) {
        thread = new WeakReference<>(t);
        name = t.getName();
        javaId = t.threadId();
    }

    /** Names a thread that no Java thread stands for (a scheduler's logical thread). */
    public void name(String name) {
        this.name = name;
    }

    /** Marks this info as a pool task's: a logical thread run by a worker thread. */
    public void markTask() {
        task = true;
    }

    /** Returns whether this is a pool task's info. */
    public boolean isTask() {
        return task;
    }

    /** Records where the thread was created or started. */
    public void createdAt(Throwable where) {
        createdAt = keepStacks ? where : null;
    }

    /** Returns where the thread was created or started, or null. */
    public Throwable createdAt() {
        return createdAt;
    }

    /** Returns the thread's current name (its last known name once it is gone). */
    public String name() {
        Thread t = thread.get();
        if (t != null) {
            name = t.getName();
        }
        String n = name;
        return n.isEmpty() && t != null && t.isVirtual() ? "virtual-" + javaId : n;
    }

    /** Returns the Java thread id. */
    public long javaId() {
        return javaId;
    }

    /** Records the stack of this thread's first access at {@code site}, if none is recorded. Owner only. */
    public void noteSite(int site) {
        if (!keepStacks) {
            return;
        }
        int[] ss = sites;
        for (int i = count - 1; i >= 0; i--) {
            if (ss[i] == site) {
                return;
            }
        }
        Throwable[] st = stacks;
        if (count == ss.length) {
            ss = Arrays.copyOf(ss, count * 2);
            st = Arrays.copyOf(st, count * 2);
        }
        ss[count] = site;
        st[count] = new Throwable();
        count++;
        sites = ss;
        stacks = st;
    }

    /** Returns the recorded stack of this thread's access at {@code site}, or null. */
    public Throwable siteStack(int site) {
        Throwable[] st = stacks;
        int[] ss = sites;
        for (int i = 0; i < Math.min(ss.length, st.length); i++) {
            if (ss[i] == site && st[i] != null) {
                return st[i];
            }
        }
        return null;
    }
}
