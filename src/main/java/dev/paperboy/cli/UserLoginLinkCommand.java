package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.account.LoginTokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code paperboy user login-link EMAIL}: prints a single-use sign-in link that works in any browser (not bound to
 * one): the way in when no mail can be sent.
 */
@Command(name = "login-link", mixinStandardHelpOptions = true,
        description = "Print a sign-in link for EMAIL: single use, valid 15 minutes, in any browser (uses --base-url). "
                + "Signing in with it creates the account if there is none; blocked accounts cannot use it.")
final class UserLoginLinkCommand extends ConfiguredCommand {

    @Parameters(index = "0", paramLabel = "EMAIL", description = "the address to sign in as")
    String email;

    UserLoginLinkCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        String address = UserCli.address(email);
        Config config = config();
        try (App app = openExisting(ctx, config)) {
            LoginTokenStore.LoginLink link = app.accounts().loginTokens().issue(address, false);
            ctx.out().println(config.baseUrl() + "/signin/" + link.token());
            ctx.err().println("user login-link: works once, until " + link.expiresAt() + ", for " + address);
            return 0;
        }
    }
}
