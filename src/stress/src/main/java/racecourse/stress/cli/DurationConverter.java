package racecourse.stress.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations such as {@code 2s}, {@code 500ms}, {@code 1.5s}, {@code 2m} or a plain number of seconds. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** Parses a duration, or throws a message that says what is accepted. */
    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new TypeConversionException("'" + value + "' is not a duration (examples: 2s, 500ms, 1.5s, 2m)");
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1e3;
            case "m", "min" -> amount * 60e3;
            default -> amount * 3600e3;
        };
        return Duration.ofNanos((long) (millis * 1e6));
    }
}
