package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT and SIGTERM as a stop request that a process's own main thread acts on: the first asks
 * for the orderly end (stop producing, drain, write a partial report, exit 130 from main); the
 * second runs the emergency action at once. No shutdown hook is involved, which is what lets a
 * process choose its own exit code and finish its report before the JVM goes down.
 * <p>
 * The handlers are {@code sun.misc.Signal}'s (module jdk.unsupported), reached reflectively:
 * javac offers no way to silence its internal-API warning under {@code -Werror}. Where they are
 * unavailable only the signal handling is lost, and that is said once.
 */
public final class SignalTrap implements AutoCloseable
{
    private static final String[] SIGNALS = { "INT", "TERM" };

    private final String processName;
    private final Runnable onFirst;
    private final Runnable onSecond;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Object[]> previousHandlers = new ArrayList<>();
    private Method handleMethod;
    private volatile ParentLink parentLink;

    private SignalTrap(final String processName, final Runnable onFirst, final Runnable onSecond)
    {
        this.processName = processName;
        this.onFirst = onFirst;
        this.onSecond = onSecond;
    }

    /**
     * Installs the handlers, remembering the previous ones to restore on {@link #close()}. The
     * second signal is the same in every process: one line, then a halt with
     * {@link ExitCodes#INTERRUPTED}, waiting for nothing.
     *
     * @param onFirst the stop request, run on the signal thread: set a flag, never block
     */
    public static SignalTrap install(final String processName, final Runnable onFirst)
    {
        return install(processName, onFirst, () -> { });
    }

    /**
     * {@link #install(String, Runnable)}, with a last action before the second signal's halt.
     *
     * @param beforeHalt what must not outlive the process (a launcher's children), done at once
     */
    public static SignalTrap install(final String processName, final Runnable onFirst, final Runnable beforeHalt)
    {
        return installWith(processName, onFirst, () ->
        {
            System.err.println(processName + ": second signal, stopping at once");
            System.err.flush();
            beforeHalt.run();
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        });
    }

    /** Installs with any second action: for tests, which must not halt their JVM. */
    static SignalTrap installWith(final String processName, final Runnable onFirst, final Runnable onSecond)
    {
        final SignalTrap trap = new SignalTrap(processName, onFirst, onSecond);
        trap.installHandlers(System.err);
        return trap;
    }

    /**
     * Makes a launched child defer its signals to its launcher. A terminal's Ctrl-C reaches the
     * whole process group at once, and a child that stopped by itself would stop reading, or
     * producing, out of the order its launcher stops the run in. So a signal waits up to
     * {@link ParentLink#SIGNAL_DEFER_MS} for the launcher to say it is stopping the run; if it
     * does, the signal is part of that stop and counts for nothing here. If it does not (the
     * signal was this process's alone), it counts as usual.
     */
    public SignalTrap deferTo(final ParentLink link)
    {
        parentLink = link;
        return this;
    }

    /** What a signal does: {@link #trigger()}, unless a launcher takes charge of the stop. */
    void onSignal()
    {
        final ParentLink link = parentLink;
        if (null != link && link.awaitHeld(ParentLink.SIGNAL_DEFER_MS))
        {
            return;
        }
        trigger();
    }

    /** What a signal does without a launcher to defer to: the first asks, the second stops at once. */
    public void trigger()
    {
        final int signals = count.incrementAndGet();
        if (signals == 1)
        {
            onFirst.run();
        }
        else if (signals == 2)
        {
            onSecond.run();
        }
    }

    public boolean isRequested()
    {
        return count.get() > 0;
    }

    private void installHandlers(final PrintStream err)
    {
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            handleMethod = signalClass.getMethod("handle", signalClass, handlerClass);
            final Object handler = Proxy.newProxyInstance(
                handlerClass.getClassLoader(), new Class<?>[]{ handlerClass }, new Handler(this));
            for (final String name : SIGNALS)
            {
                final Object signal = signalClass.getConstructor(String.class).newInstance(name);
                previousHandlers.add(new Object[]{ signal, handleMethod.invoke(null, signal, handler) });
            }
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            err.println(processName + ": cannot handle SIGINT/SIGTERM here (" + ex + "); they stop the JVM at once");
        }
    }

    @Override
    public void close()
    {
        for (final Object[] previous : previousHandlers)
        {
            try
            {
                handleMethod.invoke(null, previous[0], previous[1]);
            }
            catch (final ReflectiveOperationException | RuntimeException ex)
            {
                System.err.println(processName + ": cannot restore the handler of " + previous[0] + ": " + ex);
            }
        }
        previousHandlers.clear();
    }

    private static final class Handler implements InvocationHandler
    {
        private final SignalTrap trap;

        Handler(final SignalTrap trap)
        {
            this.trap = trap;
        }

        @Override
        public Object invoke(final Object proxy, final Method method, final Object[] args)
        {
            switch (method.getName())
            {
                case "handle":
                    trap.onSignal(); // on a thread of its own, which may wait
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return "SignalTrap(" + trap.processName + ")";
            }
        }
    }
}
