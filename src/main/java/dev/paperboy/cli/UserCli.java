package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.account.User;

/** What the user subcommands share: reading an address or a name from the command line, finding an account. */
final class UserCli {
    private UserCli() {}

    /** The address as accounts store it; a usage error (exit 2) when it is not one. */
    static String address(String email) {
        try {
            return User.normaliseEmail(email);
        } catch (IllegalArgumentException e) {
            throw new CliException(ConfiguredCommand.USAGE, "\"" + email + "\" is not an email address");
        }
    }

    static String displayName(String name) {
        try {
            return User.normaliseDisplayName(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(ConfiguredCommand.USAGE, e.getMessage());
        }
    }

    /** The account of this address; exit 1 when there is none. */
    static User existing(App app, String address) {
        return app.accounts().users().findByEmail(address).orElseThrow(() -> new CliException(1,
                "no account for " + address + "; create it with `paperboy user add " + address + "`"));
    }
}
