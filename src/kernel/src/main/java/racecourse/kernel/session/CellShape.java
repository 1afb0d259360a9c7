package racecourse.kernel.session;

import java.util.Set;

/**
 * Tells from a snippet's first tokens, without the compiler, that it declares nothing: it begins the way no
 * declaration can begin, so it is an expression or a statement. Such a snippet leaves nothing behind for a later
 * import to redefine. The test errs on one side only: a snippet it is unsure of (a lambda, a field read, a generic
 * call) counts as a possible declaration and waits for the imports. Stateless and thread-safe.
 */
final class CellShape {
    /** Keywords and operators that begin a statement or an expression, never a declaration. */
    private static final Set<String> OPENERS = Set.of("new", "this", "super", "if", "for", "while", "do", "try",
            "switch", "throw", "assert", "true", "false", "null", "(", "{", "!", "~", "-", "+", "++", "--");

    private CellShape() {
    }

    /** Whether {@code snippet} (one complete snippet, as JShell splits a cell) surely declares nothing. */
    static boolean declaresNothing(String snippet) {
        // an escape or a block comment could hide what the tokens below are: unsure
        if (snippet.contains("\\u") || snippet.contains("/*")) return false;
        Tokens t = new Tokens(snippet);
        t.skipSpaceAndLineComments();
        String first = t.next();
        if (first.isEmpty()) return false;
        if (first.equals("synchronized")) return t.next().equals("("); // a statement, not the method modifier
        if (OPENERS.contains(first)) return true;
        char c = first.charAt(0);
        if (Character.isDigit(c) || c == '"' || c == '\'') return true; // a literal
        if (!Character.isJavaIdentifierStart(c) || Tokens.KEYWORDS.contains(first)) return false;
        // a name or a qualified name: a method call if "(" follows, an assignment if "=" or "op=" does
        String after = t.next();
        while (after.equals(".")) {
            String part = t.next();
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0)) || Tokens.KEYWORDS.contains(part)) {
                return false;
            }
            after = t.next();
        }
        return after.equals("(") || after.equals("++") || after.equals("--")
                || (after.endsWith("=") && !after.equals("==") && !after.equals("<=") && !after.equals(">=")
                && !after.equals("!="));
    }

    /** A small Java tokenizer: names, number and string literals, and operators (longest first). Not thread-safe. */
    private static final class Tokens {
        /** Words that cannot be a variable or method name, so they cannot start a call or an assignment. */
        static final Set<String> KEYWORDS = Set.of("abstract", "boolean", "byte", "char", "class", "default",
                "double", "enum", "final", "float", "import", "int", "interface", "long", "native", "private",
                "protected", "public", "short", "static", "strictfp", "transient", "void", "volatile", "var",
                "record", "sealed", "non", "permits", "yield", "module", "package");
        private static final String[] OPERATORS = {">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--",
            "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>"};

        private final String text;
        private int at;

        Tokens(String text) {
            this.text = text;
        }

        void skipSpaceAndLineComments() {
            while (at < text.length()) {
                if (Character.isWhitespace(text.charAt(at))) {
                    at++;
                } else if (text.startsWith("//", at)) {
                    int end = text.indexOf('\n', at);
                    at = end < 0 ? text.length() : end + 1;
                } else {
                    return;
                }
            }
        }

        /** The next token, or "" at the end. */
        String next() {
            skipSpaceAndLineComments();
            if (at >= text.length()) return "";
            int start = at;
            char c = text.charAt(at);
            if (Character.isJavaIdentifierStart(c)) {
                while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) at++;
                return text.substring(start, at);
            }
            if (Character.isDigit(c) || c == '"' || c == '\'') {
                at = text.length(); // only its first character matters to the caller
                return text.substring(start, start + 1);
            }
            for (String op : OPERATORS) {
                if (text.startsWith(op, at)) {
                    at += op.length();
                    return op;
                }
            }
            at++;
            return String.valueOf(c);
        }
    }
}
