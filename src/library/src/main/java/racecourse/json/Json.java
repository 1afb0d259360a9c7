package racecourse.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * The course's one way to read and write JSON, on Gson, with limits so hostile or broken input gives a clear
 * {@link JsonException} (never a {@link StackOverflowError} or an exhausted heap): at most
 * {@value #DEFAULT_MAX_DEPTH} levels of nesting and {@value #DEFAULT_MAX_CHARS} characters unless a {@link Limits}
 * says otherwise.
 *
 * <p>Reading gives plain Java values: objects become {@code Map<String, Object>} (key order kept), arrays
 * {@code List<Object>}, numbers {@code Long} when integral and {@code Double} otherwise, and {@code true},
 * {@code false}, {@code null}. Writing takes the same values (any other object is written as its
 * {@code toString()}); non-finite numbers are written as {@code null}, and nothing is HTML-escaped. Thread-safe
 * (Gson is).
 */
public final class Json {
    /** Deepest nesting of arrays and objects read by default. */
    public static final int DEFAULT_MAX_DEPTH = 200;
    /** Longest text read by default: 64 Mi characters (a notebook with large images fits). */
    public static final int DEFAULT_MAX_CHARS = 64 << 20;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    /**
     * How much a reader accepts.
     *
     * @param maxDepth deepest nesting of arrays and objects
     * @param maxChars longest text
     */
    public record Limits(int maxDepth, int maxChars) {
        /** Checks the limits are positive. */
        public Limits {
            if (maxDepth < 1 || maxChars < 1) throw new IllegalArgumentException("JSON limits must be positive");
        }

        /** The default limits. */
        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_CHARS);
        }
    }

    /** Text that is not valid JSON, or goes over a limit; the message says what and where. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** An exception with the given message. */
        public JsonException(String message) {
            super(message);
        }

        /** An exception with the given message and cause. */
        public JsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Json() {
    }

    /** The shared Gson instance with the course's settings, for reading and writing typed values. */
    public static Gson gson() {
        return GSON;
    }

    /** Parses one JSON value within the default limits. */
    public static Object parse(String text) {
        return parse(text, Limits.defaults());
    }

    /**
     * Parses one JSON value within {@code limits}.
     *
     * @throws JsonException if the text is not one valid JSON value or goes over a limit
     */
    public static Object parse(String text, Limits limits) {
        if (text == null) throw new JsonException("no JSON text (null)");
        if (text.length() > limits.maxChars()) {
            throw new JsonException("JSON text too long: " + text.length() + " characters (the limit is "
                    + limits.maxChars() + ")");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(limits.maxDepth());
            if (reader.peek() == JsonToken.END_DOCUMENT) throw new JsonException("no JSON value (empty text)");
            Object value = GSON.fromJson(reader, Object.class);
            boolean trailing;
            try {
                trailing = reader.peek() != JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                trailing = true;
            }
            if (trailing) throw new JsonException("unexpected text after the end of the JSON value at " + reader.getPath());
            return value;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            String message = plain(e);
            if (message.contains("Nesting limit")) {
                int path = message.indexOf(" path ");
                String where = message.substring(message.indexOf(" at ") + 1, path > 0 ? path : message.length());
                throw new JsonException("JSON nested deeper than " + limits.maxDepth() + " levels (" + where + ")", e);
            }
            throw new JsonException("not valid JSON" + (message.startsWith("at ") ? " " : ": ") + message, e);
        }
    }

    /** Gson's message without its class name, advice to read leniently, or troubleshooting link. */
    private static String plain(Exception e) {
        Throwable t = e.getCause() != null && e instanceof JsonParseException ? e.getCause() : e;
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON ", "");
        int link = message.indexOf("\nSee https://");
        return (link >= 0 ? message.substring(0, link) : message).strip();
    }

    /** Parses a JSON object within the default limits, failing with a clear message when the text holds something else. */
    public static Map<String, Object> parseObject(String text) {
        return parseObject(text, Limits.defaults());
    }

    /** Parses a JSON object within {@code limits}, failing with a clear message when the text holds something else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text, Limits limits) {
        Object value = parse(text, limits);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object at the top level, found "
                    + (value == null ? "null" : value instanceof java.util.List ? "an array" : "a " + value.getClass().getSimpleName()));
        }
        return (Map<String, Object>) value;
    }

    /** Writes a value compactly on one line. */
    public static String write(Object value) {
        return GSON.toJson(tree(value));
    }

    /** Writes a value over several lines, {@code indent} spaces per level (nbformat uses 1), ending in a newline. */
    public static String pretty(Object value, int indent) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.setIndent(" ".repeat(Math.max(0, indent)));
            writer.setHtmlSafe(false);
            writer.setSerializeNulls(true);
            GSON.toJson(tree(value), writer);
        } catch (IOException | JsonIOException e) {
            throw new JsonException("cannot write JSON: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return GSON.toJson(new JsonPrimitive(s));
    }

    private static JsonElement tree(Object value) {
        return switch (value) {
            case null -> JsonNull.INSTANCE;
            case JsonElement e -> e;
            case String s -> new JsonPrimitive(s);
            case Boolean b -> new JsonPrimitive(b);
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case Number n -> new JsonPrimitive(n);
            case Character c -> new JsonPrimitive(c.toString());
            case Map<?, ?> map -> {
                JsonObject object = new JsonObject();
                for (Map.Entry<?, ?> e : map.entrySet()) object.add(String.valueOf(e.getKey()), tree(e.getValue()));
                yield object;
            }
            case Iterable<?> list -> {
                JsonArray array = new JsonArray();
                for (Object item : list) array.add(tree(item));
                yield array;
            }
            case Object[] items -> tree(java.util.Arrays.asList(items));
            default -> new JsonPrimitive(value.toString());
        };
    }

    private static JsonElement number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return JsonNull.INSTANCE;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return new JsonPrimitive((long) d);
        return new JsonPrimitive(d);
    }
}
