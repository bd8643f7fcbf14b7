package dev.paperboy.cli;

import java.util.List;

/** The subcommands of {@code paperboy}, in the order help lists them. Register new commands here. */
public final class Commands {
    private Commands() {}

    /** One fresh instance of every command (a picocli {@code CommandLine} for one with subcommands). */
    public static List<Object> all(CliContext ctx) {
        return List.of(
                new ServeCommand(ctx),
                new ImportCommand(ctx),
                new ExportCommand(ctx),
                new HarvestCommand(ctx),
                new ConfigCommand(ctx),
                UserCommand.commandLine(ctx),
                new SearchCommand(ctx),
                new ReindexCommand(ctx),
                new EvalCommand(),
                new LensEvalCommand(),
                new LensBenchCommand());
    }

    /** Adds the config flags to a subcommand; commands outside this package get them too. */
    public static void addConfigFlags(picocli.CommandLine.Model.CommandSpec spec) {
        ConfiguredCommand.addConfigFlags(spec);
    }
}
