/**
 * A single-file program of several top-level classes, the first holding main, as `java SeveralClasses.java` runs it:
 * the first class is the program, whatever the file is called.
 */
class Greeter {
    public static void main(String[] args) {
        System.out.println(new Words().hello() + " from Greeter");
    }
}

class Words {
    String hello() {
        return "hello";
    }
}
