/** A public class whose name differs from its file's: `java NameDiffers.java` runs it, and so does the detector. */
public class Renamed {
    public static void main(String[] args) {
        System.out.println("ran Renamed");
    }
}
