package dev.paperboy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code paperboy user …}: accounts for operators (docs/accounts.md); each subcommand is a class of its own. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage accounts: add, login-link, token, list, block, unblock.")
public final class UserCommand implements java.util.concurrent.Callable<Integer> {

    private final CliContext ctx;

    private UserCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The command with its subcommands, each built over {@code ctx}. */
    public static CommandLine commandLine(CliContext ctx) {
        return new CommandLine(new UserCommand(ctx))
                .addSubcommand(new UserAddCommand(ctx))
                .addSubcommand(new UserLoginLinkCommand(ctx))
                .addSubcommand(new UserTokenCommand(ctx))
                .addSubcommand(new UserListCommand(ctx))
                .addSubcommand(new UserBlockCommand(ctx, true))
                .addSubcommand("unblock", new CommandLine(new UserBlockCommand(ctx, false)));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, ctx.err());
        return ConfiguredCommand.USAGE;
    }
}
