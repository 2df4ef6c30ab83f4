package dev.quietloop.protocol.process;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.quietloop.wire.ConfigException;
import picocli.CommandLine;

/**
 * Runs a picocli command the quietloop way: bad input prints one line naming the problem and
 * exits {@link ExitCodes#USAGE}; a {@link ConfigException} from the command does the same.
 */
public final class Cli
{
    private Cli()
    {
    }

    /** Parses, runs and returns the exit code; never prints a stack trace for bad input. */
    public static int run(final String name, final Callable<Integer> command, final String... args)
    {
        final CommandLine commandLine = new CommandLine(command);
        commandLine.setCommandName(name);
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
        return commandLine.execute(args);
    }
}
