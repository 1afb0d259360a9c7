package racecourse.patterns.threads;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A child-JVM program: with one carrier thread, start several virtual threads that each block for a while, and
 * time them all. If a blocked virtual thread unmounts, the others use the carrier meanwhile and the whole takes
 * about one blocking time; if it pins the carrier, they queue and it takes one blocking time per thread. Three
 * ways of blocking: {@code sleep} (unmounts), {@code synchronized-sleep} (sleeping while holding a monitor:
 * pinned before JDK 24, unmounts since JEP 491), and {@code native-sleep} (a native call that blocks, here
 * {@code usleep} through the foreign function API: still pins). A program run once.
 *
 * <p>Usage: {@code Pinning MODE THREADS MILLIS} (run with {@code -Djdk.virtualThreadScheduler.parallelism=1}
 * and {@code --enable-native-access=ALL-UNNAMED}). Output line: {@code pinning mode=... threads=... millis=...
 * elapsedMs=... parallelism=...}.
 */
public final class Pinning {
    private Pinning() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length != 3) {
            System.err.println("usage: Pinning sleep|synchronized-sleep|native-sleep THREADS MILLIS");
            System.exit(2);
        }
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        int millis = Integer.parseInt(args[2]);
        Runnable block = switch (mode) {
            case "sleep" -> () -> sleep(millis);
            case "synchronized-sleep" -> () -> {
                Object monitor = new Object();
                synchronized (monitor) {
                    sleep(millis);
                }
            };
            case "native-sleep" -> {
                MethodHandle usleep = Linker.nativeLinker().downcallHandle(
                        Linker.nativeLinker().defaultLookup().find("usleep").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                yield () -> {
                    try {
                        int status = (int) usleep.invokeExact(millis * 1000);
                        if (status != 0) throw new IllegalStateException("usleep returned " + status);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                };
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        block.run(); // warm up (and load the native symbol) once outside the timing
        long start = System.nanoTime();
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) all.add(Thread.ofVirtual().start(block));
        for (Thread t : all) t.join();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("pinning mode=%s threads=%d millis=%d elapsedMs=%d parallelism=%s%n", mode, threads, millis,
                elapsedMs, System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"));
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
