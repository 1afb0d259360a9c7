package racecourse.stress.deep;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jcstress.annotations.Expect;
import racecourse.process.ChildJvm;
import racecourse.stress.OutcomeCount;
import racecourse.stress.StressResult;

/**
 * Turns the results file of a jcstress run into {@link StressResult}s. jcstress keeps the tests' outcome
 * declarations in a {@code META-INF/TestList} it reads once per class loader, so {@link JcstressResultFile} runs in
 * a fresh loader over the run's compiled classes, this module and jcstress. Thread-safe (stateless).
 */
public final class JcstressResults {
    private JcstressResults() {
    }

    /** The newest {@code jcstress-results-*.bin.gz} in {@code dir}, if jcstress wrote one. */
    public static java.util.Optional<Path> file(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /**
     * Reads {@code resultsFile}, graded against the tests compiled into {@code classes}.
     *
     * @throws IOException naming the file when jcstress's reader cannot read it
     */
    public static List<StressResult> read(Path resultsFile, Path classes, Duration wallTime, int testsInRun,
            boolean interrupted) throws IOException {
        List<Map<String, Object>> tests;
        try (URLClassLoader loader = new URLClassLoader("jcstress-results", urls(classes),
                ClassLoader.getPlatformClassLoader())) {
            Object value = loader.loadClass(JcstressResultFile.class.getName()).getMethod("read", String.class)
                    .invoke(null, resultsFile.toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> read = (List<Map<String, Object>>) value;
            tests = read;
        } catch (InvocationTargetException e) {
            throw new IOException("jcstress's reader could not read " + resultsFile + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot load jcstress's reader: " + e, e);
        }
        List<StressResult> results = new ArrayList<>();
        for (Map<String, Object> test : tests) results.add(toResult(test, wallTime, testsInRun, interrupted));
        return results;
    }

    @SuppressWarnings("unchecked")
    static StressResult toResult(Map<String, Object> test, Duration wallTime, int testsInRun, boolean interrupted) {
        List<OutcomeCount> outcomes = new ArrayList<>();
        long samples = 0;
        for (Map<String, Object> o : (List<Map<String, Object>>) test.get("outcomes")) {
            long count = (Long) o.get("count");
            samples += count;
            outcomes.add(new OutcomeCount((String) o.get("id"), count, Expect.valueOf((String) o.get("expect")),
                    (String) o.get("description")));
        }
        List<String> warnings = new ArrayList<>();
        String status = (String) test.get("status");
        if (!status.equals("NORMAL")) warnings.add("jcstress status: " + status);
        ((List<String>) test.get("messages")).stream().limit(3).map(m -> "jcstress: " + m).forEach(warnings::add);
        if (testsInRun > 1) {
            warnings.add("wall time is that of the whole jcstress run (" + testsInRun + " tests, forks included)");
        }
        return new StressResult((String) test.get("name"), "jcstress", "", outcomes, samples, wallTime, interrupted,
                warnings, 0, Map.of());
    }

    private static URL[] urls(Path classes) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        urls.add(Path.of(ChildJvm.classPathOf(JcstressResultFile.class)).toUri().toURL());
        urls.add(Path.of(ChildJvm.classPathOf(org.openjdk.jcstress.Main.class)).toUri().toURL());
        return urls.toArray(URL[]::new);
    }
}
