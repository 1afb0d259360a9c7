package racecourse.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;

/** Turns any value into the MIME bundle a notebook shows for it. Thread-safe. */
public final class Renderers {
    private Renderers() {
    }

    /**
     * Renders a value: {@link Displayable} values render themselves, images become PNG, Tablesaw tables become
     * an HTML table, and everything else is shown as its {@code String.valueOf}.
     */
    public static MimeBundle render(Object value) {
        return switch (value) {
            case Displayable d -> d.toMimeBundle();
            case BufferedImage image -> new MimeBundle()
                    .withPng(png(image))
                    .with(MimeBundle.TEXT, "image " + image.getWidth() + "x" + image.getHeight());
            case Table table -> Tables.toMimeBundle(table);
            case null -> MimeBundle.text("null");
            default -> MimeBundle.text(String.valueOf(value));
        };
    }

    /** Encodes an image as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
