public class EchoArgs {
    public static void main(String[] args) {
        System.out.println("args=" + String.join("|", args));
        System.exit(args.length);
    }
}
