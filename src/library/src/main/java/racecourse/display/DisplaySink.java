package racecourse.display;

/**
 * Where {@link Display} sends rich output. The kernel installs one that publishes Jupyter
 * {@code display_data}; outside a kernel the default prints the text form to standard output.
 * Implementations must be thread-safe: any thread may display.
 */
public interface DisplaySink {
    /**
     * Shows a bundle.
     *
     * @param bundle the representations to show
     * @param displayId the id under which the output can be updated later
     * @param update true to replace an earlier output with that id rather than add a new one
     */
    void show(MimeBundle bundle, String displayId, boolean update);

    /** The sink used outside a notebook: prints the plain text, ignoring updates' ids. */
    DisplaySink STANDARD_OUT = (bundle, id, update) -> System.out.println(bundle.text());
}
