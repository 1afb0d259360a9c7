package racecourse.kernel.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import racecourse.kernel.execution.CellExecutionControl;
import racecourse.kernel.execution.CellRun;
import racecourse.kernel.trace.StartupTrace;

/**
 * A JShell whose snippets run in the kernel's JVM: splits a cell into snippets, evaluates them in order, and
 * reports the live value of the last expression or the first error as a learner should read it. Also answers
 * completion, documentation and completeness questions. One cell at a time; not thread-safe for evaluation. Its
 * own background importer uses JShell only with importLock held, as does every other use while imports are pending.
 */
public final class JShellSession implements AutoCloseable {
    /** Imports every cell starts with: jshell's own defaults and the course's. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
            "java.util.stream.*", "java.util.concurrent.atomic.*", "java.util.concurrent.locks.*", "java.time.*",
            "racecourse.display.*", "static racecourse.display.Display.*", "tech.tablesaw.api.*",
            "racecourse.patterns.Settings", "racecourse.stress.*", "racecourse.race.Race",
            "racecourse.grader.inline.Checks");

    /** The expression {@link #importDefaultsUntilCell} evaluates and drops once the imports are in. */
    private static final String WARM_UP = "String.valueOf(Integer.valueOf(Runtime.version().feature()).hashCode() + 1)";

    private static final String COMPILATION_ERROR = "CompilationError";

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final ErrorFormatter errors = new ErrorFormatter();
    private final Object importLock = new Object();
    private final java.util.ArrayDeque<String> pendingImports; // guarded by importLock; empty once all are in scope
    private String pendingClasspath; // guarded by importLock; the course's jars, null once on JShell's class path
    private boolean warmedUp; // guarded by importLock
    private int imported; // guarded by importLock: how many default imports were brought in so far
    private int importsBeforeWarmUp = -1; // guarded by importLock; -1 until the warm-up has run
    private volatile int ranBeforeImports; // written with importLock held
    private volatile int ranBeforeJars; // written with importLock held
    private volatile boolean cellArrived;
    private volatile boolean firstCellSeen; // written with importLock held; never reset
    private volatile boolean closed;
    private volatile CellRun run;

    /**
     * Starts JShell. Cells compile against this JVM's class path, as JShell's always do, and {@code classpath}; the
     * jars join the compiler's class path, and the default imports come into scope, in the background
     * ({@link #importDefaultsUntilCell}). A cell that declares something, and a completion or documentation
     * request, waits for the rest: an import added after a declaration makes JShell redefine the snippets it
     * touches, which resets their variables. A cell that is one expression or statement needs only the imports and
     * jars it uses (see {@link #evaluate}).
     *
     * @param classpath jars and folders cells compile against besides this JVM's class path
     * @param extraImports imports added to {@link #DEFAULT_IMPORTS} (for example, packages that exist only in
     *     some builds); an import that does not resolve is skipped
     */
    public JShellSession(List<Path> classpath, List<String> extraImports) {
        this.shell = withAnEmptyClasspath(() -> JShell.builder()
                .executionEngine(CellExecutionControl.provider(() -> run), java.util.Map.of())
                .compilerOptions("--enable-preview", "--source", Integer.toString(Runtime.version().feature()),
                        "-Xlint:-preview")
                .build());
        // added later in one call (each call makes the compiler set up its class path again): the first import and
        // the warm-up need only the JDK (see addCourseClasspath)
        LinkedHashSet<String> entries = new LinkedHashSet<>(
                List.of(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)));
        classpath.forEach(p -> entries.add(p.toString()));
        entries.remove("");
        this.pendingClasspath = entries.isEmpty() ? null : String.join(java.io.File.pathSeparator, entries);
        this.analysis = shell.sourceCodeAnalysis();
        this.run = new CellRun(null, 0);
        this.pendingImports = new java.util.ArrayDeque<>(concat(DEFAULT_IMPORTS, extraImports));
    }

    /**
     * A path that does not exist, which the compiler skips: the class path JShell's compiler starts with until
     * {@link #addCourseClasspath} adds the real one.
     */
    static final String NO_CLASSPATH_YET = Path.of(System.getProperty("java.home"), "racecourse-class-path-follows")
            .toString();

    /**
     * Builds JShell with a compiler whose class path holds nothing. JShell starts its compiler's class path from
     * {@code java.class.path} and has no way to start it empty, so the property names {@link #NO_CLASSPATH_YET}
     * while JShell is built and is then restored; adding that path once fixes the compiler's class path, which it
     * would otherwise read from the property at its first compilation. Nothing else reads the property while the
     * kernel starts.
     */
    private static JShell withAnEmptyClasspath(java.util.function.Supplier<JShell> build) {
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", NO_CLASSPATH_YET);
        try {
            JShell shell = build.get();
            shell.addToClasspath(NO_CLASSPATH_YET);
            return shell;
        } finally {
            if (saved == null) System.clearProperty("java.class.path"); else System.setProperty("java.class.path", saved);
        }
    }

    /**
     * Puts the course's jars on JShell's class path and brings the default imports into scope, whichever of them
     * is not done yet; an import that does not resolve is skipped.
     */
    public void importDefaults() {
        synchronized (importLock) {
            while (!pendingImports.isEmpty()) importOne(pendingImports.removeFirst());
            addCourseClasspath();
        }
    }

    /** Whether the course's jars are on JShell's class path and every default import is in scope. Needs importLock. */
    private boolean defaultsDone() {
        return pendingImports.isEmpty() && pendingClasspath == null;
    }

    /**
     * Puts the jars on JShell's class path, if they are not yet. Needs importLock. They wait until an import needs
     * them: the next compilation then opens and indexes every jar (the kernel runs on 47), and that indexing, and
     * the JIT compiling it sets off, took processor time from the first cell when the first import paid for it. The
     * JDK's imports, the warm-up and a first cell that uses only the JDK now come before it. A cell that compiles
     * without the jars means the same with them, since a jar cannot add to the JDK's packages; one that needs them
     * waits for them as it waits for the imports.
     */
    private void addCourseClasspath() {
        if (pendingClasspath == null) return;
        StartupTrace.mark("course class path");
        shell.addToClasspath(pendingClasspath);
        pendingClasspath = null;
        if (defaultsDone()) importLock.notifyAll(); // wakes awaitImports
    }

    /**
     * Brings the first default import into scope, warms up the path of a cell that is an expression, then brings
     * the other imports in one at a time, until all is done or a cell arrives, whichever comes first. The jars join
     * the class path when the first import needs them, after a wait of up to a second for the first cell (see
     * {@link #aCellCameWhileWaiting}). The first import pays for the compiler's cold start; the warm-up right after it means that an expression cell arriving
     * while the imports come in (a first cell usually does) finds its path warm. For a background thread: the
     * start-up thread while the kernel connects, and again after a cell that ran before the imports were all in.
     * After it returns it never touches JShell.
     */
    public void importDefaultsUntilCell() {
        while (!closed) {
            synchronized (importLock) {
                if (cellArrived || closed) return;
                try {
                    if (!pendingImports.isEmpty() && (warmedUp || imported == 0)) {
                        boolean needsJars = pendingClasspath != null && !fromTheJdk(pendingImports.peekFirst());
                        if (needsJars && aCellCameWhileWaiting()) return;
                        importOne(pendingImports.removeFirst());
                        continue;
                    }
                    if (!warmedUp) {
                        warmUp();
                        warmedUp = true;
                        continue;
                    }
                    if (pendingClasspath != null) {
                        if (aCellCameWhileWaiting()) return;
                        addCourseClasspath();
                        continue;
                    }
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (closed) return; // the session was closed under it
                    throw e;
                }
            }
        }
    }

    /**
     * Before the course's jars join the class path, waits up to {@link #FIRST_CELL_WAIT_MS} for the session's first
     * cell, unless one has come already; returns whether one came meanwhile, in which case the importer ends and the
     * cell goes first. Indexing the jars takes the compiler some 100-300 ms, during which a cell that arrives waits.
     * A first cell comes about when the JDK's imports are done, so without this wait it often arrived just as the
     * indexing began. Called with importLock held; the wait releases it.
     */
    private boolean aCellCameWhileWaiting() throws InterruptedException {
        if (firstCellSeen) return false;
        long deadline = System.nanoTime() + FIRST_CELL_WAIT_MS * 1_000_000L;
        while (!firstCellSeen && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) return false;
            importLock.wait(left);
        }
        return true;
    }

    /** The longest the background importer waits for a first cell before it puts the course's jars in. */
    static final long FIRST_CELL_WAIT_MS = 1000;

    /**
     * Classifies and evaluates an expression that needs no import, then drops it, so that the first cell finds
     * the paths for classifying a cell and for expressions (wrapping, code generation, loading through the execution
     * control, the value's retrieval) already run once. It leaves no variable or declaration behind. Called with
     * importLock held.
     */
    private void warmUp() {
        importsBeforeWarmUp = imported;
        standsAlone(WARM_UP);
        for (SnippetEvent e : shell.eval(WARM_UP)) {
            if (e.causeSnippet() == null && e.snippet() != null && shell.status(e.snippet()).isActive()) {
                shell.drop(e.snippet());
            }
        }
        StartupTrace.mark("expression path warmed up");
    }

    /** How many snippets other than imports are active: the learner's declarations, never the warm-up's. */
    long activeNonImports() {
        synchronized (importLock) {
            return shell.snippets().filter(sn -> sn.kind() != Snippet.Kind.IMPORT)
                    .filter(sn -> shell.status(sn).isActive()).count();
        }
    }

    /** How many default imports were in scope when the start-up warm-up ran, or -1 if it has not run. */
    int importsBeforeWarmUp() {
        synchronized (importLock) {
            return importsBeforeWarmUp;
        }
    }

    /** How many cells ran before the default imports were all in scope. */
    int cellsRunBeforeImports() {
        return ranBeforeImports;
    }

    /**
     * Waits until every default import is in scope and the course's jars are on the class path, brought by whichever
     * thread, or until {@code millis} pass; returns whether they are. It only waits: it brings none in itself.
     */
    boolean awaitImports(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (importLock) {
            while (!defaultsDone()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return false;
                importLock.wait(left);
            }
            return true;
        }
    }

    /** How many cells ran before the jars were on JShell's class path. */
    int cellsRunBeforeJars() {
        return ranBeforeJars;
    }

    /** Whether the jars are still to join JShell's class path. */
    boolean jarsPending() {
        synchronized (importLock) {
            return pendingClasspath != null;
        }
    }

    /** How many default imports are not in scope yet. */
    int pendingImportCount() {
        synchronized (importLock) {
            return pendingImports.size();
        }
    }

    private void importOne(String name) { // called with importLock held
        if (!fromTheJdk(name)) addCourseClasspath();
        imported++;
        StartupTrace.mark("import " + name);
        for (SnippetEvent e : shell.eval("import " + name + ";")) {
            if (e.status() == Snippet.Status.REJECTED) {
                System.err.println("racecourse: skipping the default import " + name + " (not on the class path)");
            }
        }
        if (defaultsDone()) importLock.notifyAll(); // wakes awaitImports
    }

    /**
     * Whether an import's name ({@code java.util.*}, {@code static racecourse.display.Display.*}) begins with a
     * package of the JDK's own modules, so that it resolves without the course's jars.
     */
    static boolean fromTheJdk(String importName) {
        String name = importName.startsWith("static ") ? importName.substring("static ".length()) : importName;
        if (name.endsWith(".*")) name = name.substring(0, name.length() - 2);
        for (String prefix = name; ; prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            if (JDK_PACKAGES.contains(prefix)) return true;
            if (prefix.indexOf('.') < 0) return false;
        }
    }

    /** The packages of the JDK's modules in the boot layer. */
    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(m -> m.getPackages().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Adds a jar or folder to the class path of later cells. */
    public void addToClasspath(String path) {
        synchronized (importLock) { // never alongside a background importer's use of JShell
            addCourseClasspath(); // the course's jars come first, as they would had they been added already
            shell.addToClasspath(path);
        }
    }

    /**
     * Evaluates a cell's Java code for {@code cell}, which must be the run the current thread belongs to. A cell
     * that declares something waits until every default import is in scope. A cell that is one expression or
     * statement runs as soon as the imports it uses are in: it declares nothing that a later import could make
     * JShell redefine, and since no two default imports (nor one and {@code java.lang}) supply the same simple name,
     * each name it uses means what it will mean once all are in ({@code CellShapeTests} and
     * {@code DefaultImportsTests} check the two halves).
     */
    public CellResult evaluate(String code, CellRun cell) {
        this.run = cell;
        cellArrived = true; // the background importer stops before its next import; the lock waits out the current one
        synchronized (importLock) {
            firstCellSeen = true;
            importLock.notifyAll(); // ends an importer waiting for the first cell
        }
        CellResult early = evaluateBeforeImports(code, cell);
        if (early != null) return early;
        importDefaults();
        StartupTrace.mark("imports in scope");
        return evaluateSnippets(code, cell);
    }

    /**
     * Runs {@code code} now if default imports are still pending and it is one expression or statement that
     * compiles with the imports already in scope; then lets a background importer go on. Returns null when the
     * cell must wait for the imports: it declares something, or it does not compile yet (nothing of it ran; a
     * real compile error is reported after the imports, as every later cell would see it).
     */
    private CellResult evaluateBeforeImports(String code, CellRun cell) {
        synchronized (importLock) {
            if (defaultsDone() || !standsAlone(code)) return null;
            StartupTrace.mark("cell tried before the remaining " + pendingImports.size() + " imports");
            CellResult result = evaluateSnippets(code, cell);
            if (result instanceof CellResult.Failure f && f.name().equals(COMPILATION_ERROR)) return null; // nothing ran
            ranBeforeImports++;
            if (pendingClasspath != null) ranBeforeJars++;
            resumeImports();
            return result;
        }
    }

    /** Whether {@code code} is one snippet that is an expression or a statement declaring nothing. Needs importLock. */
    private boolean standsAlone(String code) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        return info.completeness().isComplete() && info.remaining().isBlank() && CellShape.declaresNothing(info.source());
    }

    /** Starts a background importer again after a cell that ran before the default imports were all in. Needs importLock. */
    private void resumeImports() {
        if (defaultsDone() || closed) return;
        cellArrived = false;
        Thread.ofPlatform().daemon().name("racecourse-imports").start(this::importDefaultsUntilCell);
    }

    private CellResult evaluateSnippets(String code, CellRun cell) {
        String remaining = code;
        int consumed = 0;
        CellResult result = new CellResult.Nothing();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            String rest;
            if (info.completeness() == Completeness.EMPTY) break;
            if (info.completeness().isComplete()) {
                source = info.source();
                rest = info.remaining();
            } else {
                source = remaining;
                rest = "";
            }
            int start = consumed; // diagnostics count from the snippet's first character, blank lines included
            int firstLine = lineOf(code, consumed + leadingSpace(remaining)); // stack traces count from its first code line
            cell.clearLast();
            List<SnippetEvent> events = shell.eval(source);
            StartupTrace.mark("snippet evaluated");
            CellResult failure = check(events, code, start, firstLine, cell);
            if (failure != null) return failure;
            if (cell.stopRequested()) return stopped(cell);
            result = valueOf(events, cell);
            dropTemporaries(events);
            consumed += remaining.length() - rest.length();
            remaining = rest;
        }
        return result;
    }

    private CellResult check(List<SnippetEvent> events, String code, int start, int firstLine, CellRun cell) {
        for (String note : UpdateNotes.of(events, shell)) System.err.println(note);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue;
            Snippet snippet = e.snippet();
            if (snippet != null) errors.remember(snippet.id(), cell.executionCount(), firstLine);
            if (e.status() == Snippet.Status.REJECTED) {
                return compileError(snippet, code, start);
            }
            if (e.exception() != null) {
                if (cell.stopRequested()) return stopped(cell);
                return runtimeError(e.exception(), cell);
            }
            if (snippet != null && e.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                System.err.println("note: " + snippet.source().strip().lines().findFirst().orElse("")
                        + " … was defined, but uses names that are not declared yet");
            }
        }
        return null;
    }

    private CellResult valueOf(List<SnippetEvent> events, CellRun cell) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null || e.snippet() == null) continue;
            Snippet.SubKind kind = e.snippet().subKind();
            boolean expression = kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    || kind == Snippet.SubKind.VAR_VALUE_SUBKIND
                    || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
            if (expression && e.value() != null) return new CellResult.Value(cell.lastValue());
        }
        return new CellResult.Nothing();
    }

    /**
     * Drops the variable ({@code $1}, {@code $2}, ...) JShell declares to hold an expression's value, once the
     * cell's value has been taken from the run. The kernel never shows these names, so no cell refers to them; but
     * while one is active JShell writes an {@code import static} of it into the wrapped source of every later
     * snippet and keeps that source for good, so each cell that ends in an expression would make every later
     * cell's retained source longer (heap growing with the square of the number of cells).
     */
    private void dropTemporaries(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            Snippet snippet = e.snippet();
            if (e.causeSnippet() == null && snippet != null
                    && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(snippet).isActive()) {
                shell.drop(snippet);
            }
        }
    }

    private CellResult compileError(Snippet snippet, String code, int start) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : shell.diagnostics(snippet).toList()) {
            if (!d.isError()) continue;
            int at = start + (int) Math.max(0, d.getPosition());
            int from = start + (int) Math.max(0, d.getStartPosition());
            int to = start + (int) Math.max(d.getStartPosition() + 1, d.getEndPosition());
            int line = lineOf(code, at);
            int column = at - code.lastIndexOf('\n', at - 1);
            String message = d.getMessage(Locale.ENGLISH);
            if (first == null) first = "line " + line + ", column " + column + ": " + message.lines().findFirst().orElse("");
            lines.add("Compile error at line " + line + ", column " + column + ":");
            message.lines().filter(m -> !m.strip().matches("location: class\\s*")).forEach(m -> lines.add("  " + m));
            int lineStart = code.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = code.indexOf('\n', at);
            if (lineEnd < 0) lineEnd = code.length();
            lines.add("    " + code.substring(lineStart, lineEnd));
            int markFrom = Math.max(lineStart, Math.min(from, at));
            int markTo = Math.max(markFrom + 1, Math.min(lineEnd, to));
            lines.add("    " + " ".repeat(markFrom - lineStart) + "^".repeat(markTo - markFrom));
        }
        if (first == null) {
            first = "the snippet was rejected";
            lines.add("Compile error: " + snippet.source().strip());
        }
        return new CellResult.Failure(COMPILATION_ERROR, first, lines);
    }

    private CellResult runtimeError(Exception reported, CellRun cell) {
        Throwable real = cell.lastException();
        if (reported instanceof UnresolvedReferenceException unresolved) {
            String message = "cannot call " + unresolved.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " … until the names it uses are declared";
            return new CellResult.Failure("UnresolvedReference", message, List.of(message));
        }
        if (real instanceof racecourse.kernel.execution.ExitGuard.ExitAttempt exit) {
            return new CellResult.Failure("SystemExit", exit.getMessage(), List.of("SystemExit: " + exit.getMessage()));
        }
        String name = reported instanceof EvalException ee ? ee.getExceptionClassName() : reported.getClass().getName();
        String message = reported.getMessage() == null ? "" : reported.getMessage();
        return new CellResult.Failure(ErrorFormatter.learnerName(name), message, errors.format(reported));
    }

    private static CellResult stopped(CellRun cell) {
        String message = "the cell was " + cell.stopReason();
        return new CellResult.Failure("Interrupted", message, List.of("Interrupted: " + message + "."));
    }

    /** Formats any throwable as the learner should read it. */
    public List<String> formatError(Throwable t) {
        return errors.format(t);
    }

    /**
     * What a fresh JVM needs to compile code that uses earlier cells' declarations: the names of the active
     * imports (with {@code static } in front of static ones) and the source of every valid class, interface,
     * record, enum and method, in the order they were defined. Variables and statements are left out, because
     * running them again would repeat their effects.
     */
    public record Declarations(List<String> imports, List<String> sources) {
    }

    /** The earlier cells' imports and declarations, for a cell that runs in another JVM ({@code %%race}). */
    public Declarations declarations() {
        synchronized (importLock) {
            List<String> imports = shell.imports()
                    .filter(i -> shell.status(i).isActive())
                    .map(i -> (i.isStatic() ? "static " : "") + i.fullname())
                    .toList();
            List<String> sources = shell.snippets()
                    .filter(sn -> sn.kind() == Snippet.Kind.TYPE_DECL || sn.kind() == Snippet.Kind.METHOD)
                    .filter(sn -> shell.status(sn) == Snippet.Status.VALID)
                    .map(Snippet::source)
                    .toList();
            return new Declarations(imports, sources);
        }
    }

    /** Jupyter's is_complete answer: "complete", "invalid", "unknown" or the indent for the next line. */
    public String isComplete(String code) {
        synchronized (importLock) { // never alongside a background importer's use of JShell
            return isCompleteUnlocked(code);
        }
    }

    private String isCompleteUnlocked(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> { return "complete"; }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> { return "    "; }
                default -> { return "invalid"; }
            }
        }
        return "complete";
    }

    /** A snippet of a cell and where it starts in the cell. */
    private record Piece(String source, int start) {
    }

    /** The snippet of {@code code} that holds position {@code at}. */
    private Piece pieceAt(String code, int at) {
        String remaining = code;
        int consumed = 0;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String rest = info.completeness().isComplete() ? info.remaining() : "";
            int length = remaining.length() - rest.length();
            if (rest.isBlank() || consumed + length >= at) {
                String piece = remaining.substring(0, Math.max(0, Math.min(remaining.length(), at - consumed)));
                int blank = leadingSpace(piece);
                return new Piece(piece.substring(blank), consumed + blank);
            }
            consumed += length;
            remaining = rest;
        }
    }

    /** Completion candidates at {@code cursor}, and the range of {@code code} they replace. */
    public Completion complete(String code, int cursor) {
        importDefaults();
        Piece piece = pieceAt(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis.completionSuggestions(piece.source(), piece.source().length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(List.copyOf(matches), piece.start() + anchor[0], cursor);
    }

    /** Completion candidates and the {@code [start, end)} range they replace. */
    public record Completion(List<String> matches, int start, int end) {
    }

    /** Signatures and javadoc of what stands at {@code cursor}, or an empty string. */
    public String documentation(String code, int cursor) {
        importDefaults();
        Piece piece = pieceAt(code, cursor);
        StringBuilder out = new StringBuilder();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(piece.source(), piece.source().length(), true);
        if (docs.isEmpty()) {
            // the cursor sits on a method's name: ask as if its argument list had begun
            docs = analysis.documentation(piece.source() + "(", piece.source().length() + 1, true);
        }
        for (SourceCodeAnalysis.Documentation doc : docs) {
            if (!out.isEmpty()) out.append("\n\n");
            out.append(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) out.append("\n\n").append(doc.javadoc().strip());
        }
        return out.toString();
    }

    @Override
    public void close() {
        closed = true; // a background importer stops; if it is inside an import, JShell's close ends that
        shell.close();
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** The 1-based line of {@code code} that holds position {@code at}. */
    static int lineOf(String code, int at) {
        int line = 1;
        for (int i = 0; i < Math.min(at, code.length()); i++) if (code.charAt(i) == '\n') line++;
        return line;
    }
}
