package dev.quietloop.protocol.process;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.quietloop.wire.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs a picocli command the quietloop way: bad input prints one line naming the problem and
 * exits {@link ExitCodes#USAGE}; a {@link ConfigException} from the command does the same. A
 * process that writes a section of a run's {@code config.yaml} also takes {@code --config FILE}
 * and reads its section back ({@link ConfigFile}).
 */
public final class Cli
{
    private Cli()
    {
    }

    /** Parses, runs and returns the exit code; never prints a stack trace for bad input. */
    public static int run(final String name, final Callable<Integer> command, final String... args)
    {
        return run(name, null, command, args);
    }

    /**
     * {@link #run(String, Callable, String...)} for a process whose flags can come from its
     * {@code section} of a run's {@code config.yaml} as well, by {@code --config FILE}.
     */
    public static int run(final String name, final String section, final Callable<Integer> command, final String... args)
    {
        final CommandLine commandLine = new CommandLine(command);
        commandLine.setCommandName(name);
        String[] expanded = args;
        if (null != section)
        {
            final CommandSpec spec = commandLine.getCommandSpec();
            if (null == spec.findOption(ConfigFile.FLAG))
            {
                spec.addOption(OptionSpec.builder(ConfigFile.FLAG).paramLabel("FILE").type(Path.class)
                    .description("Take this process's flags from its '" + section + ":' section of a run's " +
                        "config.yaml; a flag given here wins over the file.").build());
            }
            final Path file = ConfigFile.named(args);
            if (null != file)
            {
                try
                {
                    final ConfigFile config = ConfigFile.read(file, section);
                    expanded = config.apply(spec, args);
                    commandLine.setDefaultValueProvider(config);
                }
                catch (final ConfigException ex)
                {
                    commandLine.getErr().println(name + ": " + ex.getMessage());
                    commandLine.getErr().flush();
                    return ExitCodes.USAGE;
                }
            }
        }
        // Scripts put defaults first and the user's flags after them: the last one wins.
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setParameterExceptionHandler((ex, arguments) ->
        {
            final PrintWriter err = ex.getCommandLine().getErr();
            err.println(name + ": " + ex.getMessage() + " (see --help)");
            err.flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) ->
        {
            if (ex instanceof ConfigException)
            {
                cl.getErr().println(name + ": " + ex.getMessage());
                cl.getErr().flush();
                return ExitCodes.USAGE;
            }
            throw ex;
        });
        return commandLine.execute(expanded);
    }
}
