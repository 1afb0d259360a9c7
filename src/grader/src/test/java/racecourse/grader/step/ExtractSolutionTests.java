package racecourse.grader.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

/**
 * A snippet's kind is read from its first tokens, never by type-checking it in the grader's process (a compile
 * bomb must reach the compiler only in the child JVM, under its limit).
 */
class ExtractSolutionTests {
    @Test
    void kindsComeFromTheFirstTokens() {
        assertEquals(Snippet.Kind.IMPORT, ExtractSolution.kindOf("import java.util.List;"));
        assertEquals(Snippet.Kind.IMPORT, ExtractSolution.kindOf("// a note\nimport static java.lang.Math.max;"));
        assertEquals(Snippet.Kind.TYPE_DECL, ExtractSolution.kindOf("class Bank { }"));
        assertEquals(Snippet.Kind.TYPE_DECL, ExtractSolution.kindOf("/** doc */\n@SuppressWarnings(\"x\")\n"
                + "public final class Bank { }"));
        assertEquals(Snippet.Kind.TYPE_DECL, ExtractSolution.kindOf("record Point(int x, int y) { }"));
        assertEquals(Snippet.Kind.TYPE_DECL, ExtractSolution.kindOf("sealed interface Shape permits A { }"));
        assertEquals(Snippet.Kind.TYPE_DECL, ExtractSolution.kindOf("enum Color { RED }"));
        assertEquals(Snippet.Kind.STATEMENT, ExtractSolution.kindOf("Bank b = new Bank();"));
        assertEquals(Snippet.Kind.STATEMENT, ExtractSolution.kindOf("b.deposit(5);"));
        assertEquals(Snippet.Kind.STATEMENT, ExtractSolution.kindOf("void helper() { }"));
        assertEquals(Snippet.Kind.STATEMENT, ExtractSolution.kindOf("int record = 3;"));
        assertEquals(Snippet.Kind.STATEMENT, ExtractSolution.kindOf("record = 4;"));
    }
}
