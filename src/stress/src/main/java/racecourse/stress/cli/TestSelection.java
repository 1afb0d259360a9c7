package racecourse.stress.cli;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import racecourse.stress.compile.SourceCompiler;
import racecourse.compile.CompileException;
import racecourse.stress.engine.ReflectiveModel;

/**
 * The tests a command runs: compiles {@code --source} files, then loads the named classes or finds every
 * {@code @JCStressTest} class in the compiled sources and the {@code --classpath} entries. Not thread-safe.
 */
final class TestSelection {
    /** Bad input: the message says what is wrong; the command exits with 2. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    final List<Class<?>> tests = new ArrayList<>();
    final List<String> classPath = new ArrayList<>();
    final List<Path> searched = new ArrayList<>();
    URLClassLoader loader;
    Path compiled;

    static TestSelection of(String classPath, List<Path> sources, List<String> classNames) throws BadInput, IOException {
        TestSelection s = new TestSelection();
        for (String entry : SourceCompiler.split(classPath)) {
            if (!Files.exists(Path.of(entry))) throw new BadInput("no such class path entry: " + entry);
            s.classPath.add(entry);
            s.searched.add(Path.of(entry));
        }
        List<String> compileCp = new ArrayList<>(s.classPath);
        compileCp.addAll(SourceCompiler.runtimeClassPath());
        List<String> loaderCp = new ArrayList<>(s.classPath);
        if (!sources.isEmpty()) {
            s.compiled = Files.createTempDirectory("racecourse-stress-classes");
            try {
                SourceCompiler.compile(sources, compileCp, s.compiled, false, null, List.of(), List.of());
            } catch (CompileException e) {
                throw new BadInput("compile error:\n" + e.getMessage());
            }
            loaderCp.addFirst(s.compiled.toString());
            s.searched.addFirst(s.compiled);
        }
        s.loader = racecourse.compile.Javac.loader(loaderCp);
        if (!classNames.isEmpty()) {
            for (String name : classNames) {
                Class<?> c;
                try {
                    c = Class.forName(name, true, s.loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new BadInput("class not found: " + name + " (give --classpath or --source)");
                }
                if (!ReflectiveModel.isTest(c)) throw new BadInput(name + " is not a jcstress test (no @JCStressTest)");
                s.tests.add(c);
            }
        } else {
            s.tests.addAll(SourceCompiler.findTests(s.searched, s.loader));
            if (s.tests.isEmpty()) {
                throw new BadInput("no @JCStressTest class found" + (s.searched.isEmpty()
                        ? ": name classes, or give --classpath or --source" : " in " + s.searched));
            }
        }
        return s;
    }
}
