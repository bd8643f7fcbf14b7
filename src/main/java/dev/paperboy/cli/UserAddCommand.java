package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.account.User;
import dev.paperboy.account.UserStore;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy user add EMAIL [--admin] [--name NAME]}: creates an account (the store too, on a new install). */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Create an account for EMAIL (no mail is sent). With --admin it is an admin; an existing "
                + "account is left as it is, apart from becoming an admin with --admin.")
final class UserAddCommand extends ConfiguredCommand {

    @Parameters(index = "0", paramLabel = "EMAIL", description = "the account's email address")
    String email;

    @Option(names = "--admin", description = "make the account an admin (stored flag)")
    boolean admin;

    @Option(names = "--name", paramLabel = "NAME", description = "display name (at most 80 characters)")
    String name;

    UserAddCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        String address = UserCli.address(email);
        String displayName = UserCli.displayName(name);
        try (App app = ctx.open(config())) {
            UserStore users = app.accounts().users();
            Optional<User> created = users.create(address, displayName, admin);
            if (created.isPresent()) {
                User u = created.get();
                ctx.out().println("created user " + u.id() + " " + u.email() + (u.admin() ? " (admin)" : ""));
                return 0;
            }
            User existing = users.findByEmail(address).orElseThrow();
            if (admin && !existing.admin()) {
                users.setAdmin(existing.id(), true);
                ctx.out().println("user " + existing.id() + " " + existing.email() + " exists; now an admin");
            } else {
                ctx.out().println("user " + existing.id() + " " + existing.email() + " exists; unchanged");
            }
            return 0;
        }
    }
}
