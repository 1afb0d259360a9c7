package racecourse.grader.pipeline;

import java.util.Locale;

/** Number formatting shared by the reports. Thread-safe (stateless). */
public final class Format {
    private Format() {
    }

    /** Points without a trailing ".0" ({@code 3}, {@code 2.5}). */
    public static String points(double p) {
        if (p == Math.rint(p)) {
            return Long.toString((long) p);
        }
        return String.format(Locale.ROOT, "%.2f", p).replaceAll("0+$", "");
    }
}
