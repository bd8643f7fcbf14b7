package dev.paperboy.cli;

import dev.paperboy.Config;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** A command that takes every {@link Config} setting as a flag and reads its effective config. */
abstract class ConfiguredCommand implements Callable<Integer> {

    /** Exit code for bad configuration or usage. */
    static final int USAGE = 2;

    protected final CliContext ctx;

    @Spec
    CommandSpec spec;

    ConfiguredCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Adds a {@code --name VALUE} flag for every config setting to a command, so new settings need no CLI code. */
    static void addConfigFlags(CommandSpec spec) {
        for (Config.Key key : Config.Key.values()) {
            String dflt = key.defaultValue().isEmpty() ? "" : " Default: " + key.defaultValue() + ".";
            spec.addOption(OptionSpec.builder(key.flag())
                    .paramLabel(key.name().replace('_', '-'))
                    .type(String.class)
                    .description(key.description() + " Env: " + key.envVar() + "." + dflt)
                    .build());
        }
    }

    /** The flag values the user gave, by setting. */
    Map<Config.Key, String> flagValues() {
        Map<Config.Key, String> flags = new EnumMap<>(Config.Key.class);
        for (Config.Key key : Config.Key.values()) {
            OptionSpec o = spec.findOption(key.flag());
            if (o != null && o.getValue() != null) flags.put(key, o.getValue());
        }
        return flags;
    }

    /** Defaults ← environment ← flags, not yet validated. */
    Config loadConfig() {
        return Config.load(ctx.env(), flagValues());
    }

    /** The effective config; invalid settings end the command with exit code 2, one line per problem. */
    Config config() {
        Config config = loadConfig();
        var problems = config.validate();
        if (!problems.isEmpty()) throw new CliException(USAGE, String.join(System.lineSeparator(), problems));
        return config;
    }
}
