package racecourse.grader.sandbox;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the grader sends to a child JVM on its standard input before any submission code is loaded: the run's secret
 * nonce, the limits, the submission's (rewritten) classes, the compiled tests and which test classes to run.
 * Hidden tests travel only this way, never through a file the submission could read.
 *
 * @param nonce          secret that prefixes every report line; the submission never sees it
 * @param testTimeoutMs  per-test timeout in milliseconds
 * @param outputCap      how many bytes of the submission's output to keep per test
 * @param maxThreads     live platform threads above which the run is stopped
 * @param submission     binary class name to class file, already rewritten
 * @param tests          binary class name to class file for test and contract classes
 * @param register       contract name (simple class name) to the binary name of the submission class
 * @param selected       test classes to run, or single test methods as {@code class#method}
 * @param sources        Java sources (file name to text) to compile instead of running tests; empty to run tests
 */
public record Job(String nonce, int testTimeoutMs, int outputCap, int maxThreads, Map<String, byte[]> submission,
        Map<String, byte[]> tests, Map<String, String> register, List<String> selected, Map<String, String> sources) {

    /** A job that runs tests. */
    public Job(String nonce, int testTimeoutMs, int outputCap, int maxThreads, Map<String, byte[]> submission,
            Map<String, byte[]> tests, Map<String, String> register, List<String> selected) {
        this(nonce, testTimeoutMs, outputCap, maxThreads, submission, tests, register, selected, Map.of());
    }

    /** A job that only compiles {@code sources} and sends back the class files. */
    public static Job compile(String nonce, Map<String, String> sources) {
        return new Job(nonce, 0, 0, 0, Map.of(), Map.of(), Map.of(), List.of(), sources);
    }

    /** Writes the job. */
    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(nonce);
        out.writeInt(testTimeoutMs);
        out.writeInt(outputCap);
        out.writeInt(maxThreads);
        writeClasses(out, submission);
        writeClasses(out, tests);
        out.writeInt(register.size());
        for (Map.Entry<String, String> e : register.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(selected.size());
        for (String s : selected) {
            out.writeUTF(s);
        }
        out.writeInt(sources.size());
        for (Map.Entry<String, String> e : sources.entrySet()) {
            out.writeUTF(e.getKey());
            byte[] text = e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
        }
        out.flush();
    }

    /** Reads a job written by {@link #write}. */
    public static Job read(DataInputStream in) throws IOException {
        String nonce = in.readUTF();
        int timeout = in.readInt();
        int cap = in.readInt();
        int threads = in.readInt();
        Map<String, byte[]> submission = readClasses(in);
        Map<String, byte[]> tests = readClasses(in);
        Map<String, String> register = new LinkedHashMap<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            register.put(in.readUTF(), in.readUTF());
        }
        int s = in.readInt();
        String[] selected = new String[s];
        for (int i = 0; i < s; i++) {
            selected[i] = in.readUTF();
        }
        Map<String, String> sources = new LinkedHashMap<>();
        int k = in.readInt();
        for (int i = 0; i < k; i++) {
            String name = in.readUTF();
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            sources.put(name, new String(text, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Job(nonce, timeout, cap, threads, submission, tests, register, List.of(selected), sources);
    }

    private static void writeClasses(DataOutputStream out, Map<String, byte[]> classes) throws IOException {
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
    }

    private static Map<String, byte[]> readClasses(DataInputStream in) throws IOException {
        Map<String, byte[]> map = new LinkedHashMap<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            map.put(name, bytes);
        }
        return map;
    }
}
