package racecourse.display;

import java.util.Objects;
import java.util.UUID;

/**
 * Shows values in the current notebook cell: {@code display}, {@code updateDisplay} and {@code render},
 * as a kernel's cells call them. Thread-safe.
 */
public final class Display {
    private static volatile DisplaySink sink = DisplaySink.STANDARD_OUT;

    private Display() {
    }

    /** Replaces the sink; the kernel calls this once at start-up. */
    public static void install(DisplaySink newSink) {
        sink = Objects.requireNonNull(newSink);
    }

    /** Renders a value to its MIME bundle without showing it. */
    public static MimeBundle render(Object value) {
        return Renderers.render(value);
    }

    /** Renders a value keeping only the given MIME types. */
    public static MimeBundle render(Object value, String... mimeTypes) {
        return Renderers.render(value).only(mimeTypes);
    }

    /** Shows a value and returns its display id, for {@link #updateDisplay}. */
    public static String display(Object value) {
        return display(value, new String[0]);
    }

    /** Shows a value in only the given MIME types and returns its display id. */
    public static String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        sink.show(render(value, mimeTypes), id, false);
        return id;
    }

    /** Replaces the output shown under {@code displayId} with a new value. */
    public static void updateDisplay(String displayId, Object value) {
        sink.show(render(value), displayId, true);
    }

    /** Markdown shown as formatted text. */
    public static Displayable markdown(String markdown) {
        return () -> new MimeBundle().with(MimeBundle.MARKDOWN, markdown).with(MimeBundle.TEXT, markdown);
    }

    /** HTML shown as a fragment of the page, with a plain-text fallback. */
    public static Displayable html(String html, String plainText) {
        return () -> new MimeBundle().with(MimeBundle.HTML, html).with(MimeBundle.TEXT, plainText);
    }
}
