package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.race.agent.AgentOptions;

class ExclusionsTests {
    @Test
    void aClassNameExcludesThatClassAndItsNestedClassesOnly() {
        Exclusions e = new Exclusions(List.of("LazyTests", "grader.Probe"));
        assertTrue(e.excludes("LazyTests"));
        assertTrue(e.excludes("LazyTests$1"));
        assertFalse(e.excludes("LazyTestsCell"), "a submission class whose name starts like a test's is watched");
        assertTrue(e.excludes("grader/Probe"));
        assertFalse(e.excludes("grader/ProbeCell"));
    }

    @Test
    void aNameEndingInADotIsAPackage() {
        Exclusions e = new Exclusions(List.of("racecourse.stress."));
        assertTrue(e.excludes("racecourse/stress/Stress"));
        assertFalse(e.excludes("racecourse/stressed/Cell"));
        assertTrue(e.excludes("java/util/HashMap"), "the JDK is always left alone");
        assertFalse(e.excludes("racecourse/race/bench/workload/Workloads"), "the bench workloads are watched");
        assertTrue(e.excludes("racecourse/jshell/ChildCellShell"), "the runner of a %%race cell is the course's own");
        assertFalse(e.excludes("REPL/$JShell$12"), "the cell's own snippets are watched");
    }

    @Test
    void codeIsExcludedByWhereItWasLoadedFrom() throws Exception {
        Path tests = Path.of("/tmp/grader/tests");
        SourceExclusions s = new SourceExclusions(List.of(tests, Path.of("/tmp/grader/harness.jar")));
        assertTrue(s.excludes(domain(tests.resolve("sub").toUri().toURL())));
        assertTrue(s.excludes(domain(Path.of("/tmp/grader/harness.jar").toUri().toURL())));
        assertFalse(s.excludes(domain(Path.of("/tmp/grader/submission").toUri().toURL())));
        assertFalse(s.excludes(domain(Path.of("/tmp/grader/tests-other").toUri().toURL())), "a sibling is not under");
        assertFalse(s.excludes(null));
    }

    @Test
    void theAgentParsesExcludeSource() {
        AgentOptions o = AgentOptions.parse("json=/tmp/r.json,excludeSource=/a/tests;/b/h.jar,exclude=LazyTests");
        assertTrue(o.on());
        assertTrue(o.excludeSource().equals(List.of(Path.of("/a/tests"), Path.of("/b/h.jar"))), o.toString());
        assertTrue(o.exclude().equals(List.of("LazyTests")));
    }

    private static ProtectionDomain domain(URL location) {
        return new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null);
    }
}
