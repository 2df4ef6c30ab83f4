package dev.quietloop.broker.launch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Launches quietloop processes as
 * {@code java @JVM_OPTIONS [JVM_ARGS] -cp CLASS_PATH MAIN ARGS --exit-with-parent},
 * with the JVM and class path of this process, and remembers them so they can all be killed at once.
 */
public final class ChildLauncher
{
    public static final String EXIT_WITH_PARENT = "--exit-with-parent";

    private final Path javaBinary;
    private final Path jvmOptionsFile;
    private final String classPath;
    private final PrintStream out;
    private final PrintStream err;
    private final List<ChildProcess> launched = new CopyOnWriteArrayList<>();

    public ChildLauncher(final Path jvmOptionsFile, final String classPath, final PrintStream out, final PrintStream err)
    {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptionsFile, classPath, out, err);
    }

    public ChildLauncher(
        final Path javaBinary,
        final Path jvmOptionsFile,
        final String classPath,
        final PrintStream out,
        final PrintStream err)
    {
        this.javaBinary = javaBinary;
        this.jvmOptionsFile = jvmOptionsFile;
        this.classPath = classPath;
        this.out = out;
        this.err = err;
    }

    /** The full command line for a main class and its arguments. */
    public List<String> command(final String mainClass, final List<String> args)
    {
        return command(List.of(), mainClass, args);
    }

    /** The full command line for a main class and its arguments, with JVM options of its own after the shared ones. */
    public List<String> command(final List<String> jvmArgs, final String mainClass, final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.add("@" + jvmOptionsFile);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        command.add(EXIT_WITH_PARENT);
        return command;
    }

    public ChildProcess launch(final String role, final String mainClass, final List<String> args)
    {
        return launch(role, List.of(), mainClass, args);
    }

    /** Launches a main class with JVM options of its own after the shared ones. */
    public ChildProcess launch(final String role, final List<String> jvmArgs, final String mainClass, final List<String> args)
    {
        final ChildProcess child = ChildProcess.start(role, command(jvmArgs, mainClass, args), out, err);
        launched.add(child);
        return child;
    }

    /** The first signal: every child leaves the stop to this process, which stops them in order. */
    public void holdAll()
    {
        for (final ChildProcess child : launched)
        {
            child.hold();
        }
    }

    /** The last resort of a second Ctrl-C: no child survives the broker. */
    public void destroyAllForcibly()
    {
        for (final ChildProcess child : launched)
        {
            child.destroyForcibly();
        }
    }
}
