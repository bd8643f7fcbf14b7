package dev.paperboy.cli;

import dev.paperboy.Config;
import picocli.CommandLine.Command;

/** {@code paperboy config}: the effective settings, where each came from, secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Print the effective settings (secrets masked) and any problems with them.")
public final class ConfigCommand extends ConfiguredCommand {

    public ConfigCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Config config = loadConfig();
        var flags = flagValues();
        var shown = config.redacted();
        for (Config.Key key : Config.Key.values()) {
            String from = flags.containsKey(key) ? "flag " + key.flag()
                    : ctx.env().containsKey(key.envVar()) ? "env " + key.envVar()
                    : "default";
            ctx.out().printf("%-10s = %-40s # %s%n", key.settingName(), shown.get(key.settingName()), from);
        }
        var problems = config.validate();
        if (!problems.isEmpty()) throw new CliException(USAGE, String.join(System.lineSeparator(), problems));
        ctx.out().printf("# store: %s%n", Config.redactJdbc(config.jdbcUrl()));
        return 0;
    }
}
