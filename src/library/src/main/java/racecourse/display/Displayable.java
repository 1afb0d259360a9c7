package racecourse.display;

/** A value that knows how to show itself in a notebook cell. */
public interface Displayable {
    /** This value's representations; the bundle must include {@code text/plain} that states the numbers shown. */
    MimeBundle toMimeBundle();
}
