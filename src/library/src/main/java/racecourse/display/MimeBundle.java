package racecourse.display;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The representations of one value, keyed by MIME type, in the order a notebook should prefer them.
 * Binary data such as {@code image/png} is held base64-encoded, as Jupyter sends it.
 * Not thread-safe while being built; treat a finished bundle as read-only.
 */
public final class MimeBundle {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String PNG = "image/png";

    private final Map<String, String> data = new LinkedHashMap<>();

    /** A bundle holding only plain text. */
    public static MimeBundle text(String text) {
        return new MimeBundle().with(TEXT, text);
    }

    /** Adds or replaces one representation and returns this bundle. */
    public MimeBundle with(String mimeType, String content) {
        data.put(mimeType, content);
        return this;
    }

    /** Adds PNG bytes, base64-encoded. */
    public MimeBundle withPng(byte[] png) {
        return with(PNG, Base64.getEncoder().encodeToString(png));
    }

    /** The plain-text representation, which every bundle shown in a notebook should carry. */
    public String text() {
        return data.getOrDefault(TEXT, "");
    }

    /** The representations, in insertion order. */
    public Map<String, String> data() {
        return Collections.unmodifiableMap(data);
    }

    /** A copy keeping only the given MIME types (all of them when none are given). */
    public MimeBundle only(String... mimeTypes) {
        if (mimeTypes.length == 0) return this;
        MimeBundle copy = new MimeBundle();
        for (String type : mimeTypes) {
            if (data.containsKey(type)) copy.with(type, data.get(type));
        }
        return copy;
    }

    @Override
    public String toString() {
        return text();
    }
}
