package racecourse.kernel.magic.explore;

import java.util.ArrayList;
import java.util.List;
import racecourse.explore.ExploreOptions;

/**
 * The options of a {@code %%explore} line ({@code --strategy pct --seed 3}), parsed into the explorer's
 * {@link ExploreOptions}. The spelling is the command line's ({@code racecourse explore}). Stateless.
 */
public final class ExploreCellOptions {
    /** The options, as the usage message lists them. */
    public static final String USAGE = "%%explore [--strategy dpor|source|exhaustive|pct|random] [--bound K] [--schedules N] "
            + "[--seed S] [--depth D] [--max-steps N] [--threads N] [--replay \"A B A\"] [--no-races]";

    private ExploreCellOptions() {
    }

    /**
     * Parses the words after {@code %%explore}.
     *
     * @throws IllegalArgumentException with a message naming the bad word and the usage, when one is wrong
     */
    public static ExploreOptions parse(String line) {
        List<String> words = split(line);
        ExploreOptions o = ExploreOptions.defaults();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--no-races")) {
                o = o.withRaces(false);
                continue;
            }
            if (!w.startsWith("--")) throw bad("unexpected '" + w + "'");
            String name = w;
            String value;
            int eq = w.indexOf('=');
            if (eq > 0) {
                name = w.substring(0, eq);
                value = w.substring(eq + 1);
            } else {
                if (i + 1 >= words.size()) throw bad(w + " needs a value");
                value = words.get(++i);
            }
            try {
                o = switch (name) {
                    case "--strategy" -> o.withStrategy(value);
                    case "--bound" -> o.withBound(number(name, value));
                    case "--schedules" -> o.withSchedules(number(name, value));
                    case "--seed" -> o.withSeed(Long.parseLong(value));
                    case "--depth" -> o.withDepth(number(name, value));
                    case "--max-steps" -> o.withMaxSteps(number(name, value));
                    case "--threads" -> o.withThreadCap(number(name, value));
                    case "--replay" -> o.withReplay(value);
                    default -> throw bad("unknown option " + name);
                };
            } catch (NumberFormatException e) {
                throw bad(name + " needs a whole number, not '" + value + "'");
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("%%explore")) throw e;
                throw bad(name + " " + value + ": " + e.getMessage());
            }
        }
        return o;
    }

    private static int number(String name, String value) {
        return Integer.parseInt(value);
    }

    private static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("%%explore: " + what + "\nusage: " + USAGE);
    }

    /** Splits on blanks, keeping a double-quoted part (a schedule such as "A B A") as one word. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) words.add(word.toString());
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (quoted) throw bad("a quote is not closed");
        if (any) words.add(word.toString());
        return words;
    }
}
