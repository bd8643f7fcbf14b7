package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.account.User;
import dev.paperboy.community.Outcome;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperboy user block EMAIL} and {@code user unblock EMAIL}: a moderation act by the operator, recorded in
 * the moderation log; blocking ends the user's sessions and stops their tokens at once.
 */
@Command(name = "block", mixinStandardHelpOptions = true,
        description = "Block (or, as `user unblock`, unblock) EMAIL's account: a blocked user cannot sign in, post "
                + "or vote; their sessions end and their tokens stop working. Recorded in the moderation log.")
final class UserBlockCommand extends ConfiguredCommand {

    @Parameters(index = "0", paramLabel = "EMAIL", description = "the account's address")
    String email;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "why, for the moderation log")
    String reason;

    private final boolean block;

    UserBlockCommand(CliContext ctx, boolean block) {
        super(ctx);
        this.block = block;
    }

    @Override
    public Integer call() {
        String address = UserCli.address(email);
        String verb = block ? "block" : "unblock";
        try (App app = openExisting(ctx, config())) {
            User user = UserCli.existing(app, address);
            var moderation = app.community().moderation();
            Outcome<?> done = block ? moderation.blockUser(Optional.empty(), user.id(), reason.strip())
                    : moderation.unblockUser(Optional.empty(), user.id(), reason.strip());
            if (done instanceof Outcome.Refused<?> r) {
                throw new CliException(1, "unable to " + verb + " " + address + ": " + r.refusal());
            }
            ctx.out().println((block ? "blocked " : "unblocked ") + "user " + user.id() + " " + address);
            return 0;
        }
    }
}
