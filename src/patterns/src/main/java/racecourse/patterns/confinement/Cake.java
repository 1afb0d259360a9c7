package racecourse.patterns.confinement;

/**
 * A cake on its way through the {@link Bakery}: plain mutable fields and no lock. It is safe only because it
 * belongs to one stage at a time (serial confinement): the baker fills it in, hands it on, and never touches it
 * again. Not thread-safe.
 */
public final class Cake {
    private final int number;
    private boolean baked;
    private String icing;

    /** A new, unbaked, un-iced cake. */
    public Cake(int number) {
        this.number = number;
    }

    /** The cake's number in the order it was started. */
    public int number() {
        return number;
    }

    /** Bakes it. */
    public void bake() {
        baked = true;
    }

    /** Ices it; only a baked cake can be iced. */
    public void ice(String flavour) {
        if (!baked) throw new IllegalStateException("cake " + number + " was iced before it was baked");
        icing = flavour;
    }

    /** Whether it has been baked. */
    public boolean baked() {
        return baked;
    }

    /** Its icing, or null if it has none yet. */
    public String icing() {
        return icing;
    }

    @Override
    public String toString() {
        return "Cake " + number + (baked ? ", baked" : ", raw") + (icing == null ? "" : ", " + icing + " icing");
    }
}
