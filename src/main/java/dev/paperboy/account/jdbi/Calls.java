package dev.paperboy.account.jdbi;

import dev.paperboy.db.SqlCalls;
import java.util.concurrent.Callable;

/** How the account stores run a database call: failures name the action ({@link SqlCalls#run}). */
final class Calls {
    private Calls() {}

    static <T> T run(String action, Callable<T> body) {
        return SqlCalls.run("account", action, body);
    }
}
