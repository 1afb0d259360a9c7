package racecourse.kernel.session;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Tells, from the parse alone, whether a snippet declares nothing: it is one expression, or one statement that
 * is not a declaration. Such a snippet leaves nothing behind for a later import to redefine. Parsing costs a few
 * milliseconds, against JShell's own classification, which also resolves every name. Not thread-safe.
 */
final class CellShape implements AutoCloseable {
    /** Statements that declare nothing that outlives them. */
    private static final Set<Tree.Kind> STATEMENTS = EnumSet.of(Tree.Kind.EXPRESSION_STATEMENT, Tree.Kind.IF,
            Tree.Kind.FOR_LOOP, Tree.Kind.ENHANCED_FOR_LOOP, Tree.Kind.WHILE_LOOP, Tree.Kind.DO_WHILE_LOOP,
            Tree.Kind.SWITCH, Tree.Kind.TRY, Tree.Kind.SYNCHRONIZED, Tree.Kind.BLOCK, Tree.Kind.THROW);

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
    private final List<String> options = List.of("-proc:none", "--enable-preview", "--source",
            Integer.toString(Runtime.version().feature()));

    /** Whether {@code snippet} (one complete snippet, as JShell splits a cell) is an expression or plain statement. */
    boolean declaresNothing(String snippet) {
        if (snippet.contains("/*") || snippet.contains("*/")) return false; // keeps the wrappers below unbroken
        String text = snippet.strip();
        // as a statement first: "List<String> names = List.of()" also parses as an expression (of comparisons)
        String statement = text.endsWith(";") || text.endsWith("}") ? text : text + ";";
        StatementTree asStatement = onlyStatement(statement);
        if (asStatement != null) return STATEMENTS.contains(asStatement.getKind());
        // an expression, as JShell takes one without its semicolon ("1 + 1;" is not a statement)
        String expression = text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        return onlyStatement("return (\n" + expression + "\n);") instanceof StatementTree s
                && s.getKind() == Tree.Kind.RETURN;
    }

    /** The single statement {@code body} parses to as a method's body, or null if it has errors or more than one. */
    private StatementTree onlyStatement(String body) {
        String source = "class Cell$ { Object cell$() {\n" + body + "\n} }";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Cell$.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        AtomicBoolean errors = new AtomicBoolean();
        JavacTask task = (JavacTask) compiler.getTask(null, files,
                d -> {
                    if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) errors.set(true);
                }, options, null,
                List.of(file));
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            if (errors.get() || unit.getTypeDecls().size() != 1
                    || !(unit.getTypeDecls().get(0) instanceof ClassTree type) || type.getMembers().size() != 1
                    || !(type.getMembers().get(0) instanceof MethodTree method)) {
                return null;
            }
            BlockTree block = method.getBody();
            return block != null && block.getStatements().size() == 1 ? block.getStatements().get(0) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
