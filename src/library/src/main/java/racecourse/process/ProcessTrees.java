package racecourse.process;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a process together with every process it started. Thread-safe (static methods only). */
public final class ProcessTrees {
    private ProcessTrees() {
    }

    /**
     * Kills {@code process} and all its descendants (children first, so none is re-parented and missed), then waits
     * up to ten seconds for the process to be gone.
     *
     * @return whether the process had ended when this returned
     */
    public static boolean kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean interrupted = false;
        boolean ended;
        while (true) {
            try {
                ended = process.waitFor(10, TimeUnit.SECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // Grandchildren started between the listing and the kill are caught on a second pass.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (interrupted) Thread.currentThread().interrupt();
        return ended;
    }
}
