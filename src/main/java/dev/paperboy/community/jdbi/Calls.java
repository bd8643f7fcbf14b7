package dev.paperboy.community.jdbi;

import dev.paperboy.db.SqlCalls;
import java.util.concurrent.Callable;

/** How the community stores run a database call ({@link SqlCalls#run}) and check the text they store. */
final class Calls {
    private Calls() {}

    static <T> T run(String action, Callable<T> body) {
        return SqlCalls.run("community", action, body);
    }

    /** Text as stored: stripped, refused when blank (unless {@code blankOk}) or longer than {@code max}. */
    static String text(String what, String value, int max, boolean blankOk) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() && !blankOk) throw new IllegalArgumentException("community: " + what + " is empty");
        if (v.length() > max) throw new IllegalArgumentException("community: " + what + " longer than " + max + " characters");
        return v;
    }
}
