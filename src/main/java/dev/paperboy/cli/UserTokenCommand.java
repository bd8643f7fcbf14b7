package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy user token EMAIL [--name N]}: prints a new personal access token, the only time it is shown. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create a personal access token for EMAIL's account and print it (shown this once; "
                + "revoke it on the settings page).")
final class UserTokenCommand extends ConfiguredCommand {

    @Parameters(index = "0", paramLabel = "EMAIL", description = "the account's address")
    String email;

    @Option(names = "--name", paramLabel = "N", defaultValue = "command line",
            description = "what the token is for (default: ${DEFAULT-VALUE})")
    String name;

    UserTokenCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        String address = UserCli.address(email);
        String tokenName = name.strip();
        if (tokenName.isEmpty() || tokenName.length() > AccessTokenStore.MAX_NAME) {
            throw new CliException(USAGE, "--name must have 1 to " + AccessTokenStore.MAX_NAME + " characters");
        }
        try (App app = openExisting(ctx, config())) {
            User user = UserCli.existing(app, address);
            if (user.blocked()) throw new CliException(1, address + " is blocked; unblock it first");
            AccessTokenStore.NewToken t = app.accounts().accessTokens().create(user.id(), tokenName);
            ctx.out().println(t.secret());
            ctx.err().println("user token: \"" + tokenName + "\" for " + address + "; this is the only time it is shown");
            return 0;
        }
    }
}
