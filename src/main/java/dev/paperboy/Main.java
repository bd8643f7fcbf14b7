package dev.paperboy;

import dev.paperboy.cli.CliContext;
import dev.paperboy.cli.CliException;
import dev.paperboy.cli.Commands;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paperboy} root command; the subcommands are listed in {@link Commands#all}. */
@Command(name = "paperboy", mixinStandardHelpOptions = true, version = "paperboy 0.1.0",
        description = "A self-hosted research-paper hub.",
        footer = "%nEvery setting is also read from its PAPERBOY_* environment variable; flags win.")
public final class Main implements Callable<Integer> {

    private final CliContext ctx;

    private Main(CliContext ctx) {
        this.ctx = ctx;
    }

    public static void main(String[] args) {
        Logging.configure(args);
        System.exit(run(args, CliContext.system()));
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String[] args, CliContext ctx) {
        CommandLine cli = new CommandLine(new Main(ctx));
        cli.getCommandSpec().addOption(verboseFlag());
        for (Object command : Commands.all(ctx)) {
            CommandLine sub = command instanceof CommandLine built ? built : new CommandLine(command);
            addFlags(sub);
            cli.addSubcommand(sub);
        }
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(ctx.err(), StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            String name = command.getCommandSpec().qualifiedName(); // "paperboy export", "paperboy user add"
            if (e instanceof CliException ce) {
                for (String line : ce.getMessage().split("\\R")) ctx.err().println(name + ": " + line);
                return ce.exitCode();
            }
            // Failures of the store, the network or the files: one line naming the cause, no stack trace.
            ctx.err().println(name + ": " + oneLine(e));
            return 1;
        });
        return cli.execute(args);
    }

    /** The config and verbose flags on a command and, when it has subcommands (user add, …), on those instead. */
    private static void addFlags(CommandLine command) {
        if (command.getSubcommands().isEmpty()) {
            Commands.addConfigFlags(command.getCommandSpec());
        } else {
            command.getSubcommands().values().stream().distinct().forEach(Main::addFlags);
        }
        command.getCommandSpec().addOption(verboseFlag());
    }

    // Read by Logging before parsing (loggers exist before commands run); declared so every command accepts it.
    private static CommandLine.Model.OptionSpec verboseFlag() {
        return CommandLine.Model.OptionSpec.builder(Logging.VERBOSE)
                .description("Log more on stderr: libraries' messages and Paperboy's debug lines.")
                .build();
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, ctx.err());
        return 2;
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root != e && root.getMessage() != null && !msg.contains(root.getMessage())) msg += ": " + root.getMessage();
        return msg.replaceAll("\\s*\\R\\s*", " ");
    }
}
