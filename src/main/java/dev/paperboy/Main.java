package dev.paperboy;

/** Placeholder entry point; the picocli root command replaces it. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("paperboy");
    }
}
