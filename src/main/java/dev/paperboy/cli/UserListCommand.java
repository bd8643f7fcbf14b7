package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.account.User;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code paperboy user list}: every account, one tab-separated line each, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List accounts: id, email, display name, roles (admin from the flag or --admins; blocked), created.")
final class UserListCommand extends ConfiguredCommand {

    private static final int PAGE = 500;
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    UserListCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Config config = config();
        Set<String> admins = config.admins();
        try (App app = openExisting(ctx, config)) {
            ctx.out().println("id\temail\tname\troles\tcreated");
            for (int offset = 0; ; offset += PAGE) {
                List<User> page = app.accounts().users().list(PAGE, offset);
                for (User u : page) {
                    String roles = ((u.admin() || admins.contains(u.email()) ? "admin " : "")
                            + (u.blocked() ? "blocked" : "")).strip();
                    ctx.out().println(u.id() + "\t" + u.email() + "\t" + u.displayName() + "\t"
                            + (roles.isEmpty() ? "-" : roles) + "\t" + DAY_TIME.format(u.createdAt()));
                }
                if (page.size() < PAGE) break;
            }
            return 0;
        }
    }
}
