package dev.quietloop.bot;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import dev.quietloop.protocol.process.ExitCodes;

/**
 * Turns SIGINT and SIGTERM into a stop request while the bot runs, so the run drains and exits
 * 130 from its own main thread instead of racing JVM shutdown hooks; a second signal halts at once.
 * It uses {@code sun.misc.Signal} (module jdk.unsupported) reflectively, since javac flags any
 * direct use as internal API; where that is not available, the JVM's default handling remains.
 */
final class SignalTrap implements AutoCloseable
{
    private static final String[] NAMES = { "INT", "TERM" };

    private final Method handle;
    private final Object[] signals = new Object[NAMES.length];
    private final Object[] previous = new Object[NAMES.length];

    private SignalTrap(final Method handle)
    {
        this.handle = handle;
    }

    static SignalTrap install(final Runnable onFirstSignal)
    {
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Constructor<?> newSignal = signalClass.getConstructor(String.class);
            final SignalTrap trap = new SignalTrap(signalClass.getMethod("handle", signalClass, handlerClass));
            final Object handler = Proxy.newProxyInstance(
                SignalTrap.class.getClassLoader(), new Class<?>[] { handlerClass }, new Handler(onFirstSignal));
            for (int i = 0; i < NAMES.length; i++)
            {
                final Object signal = newSignal.newInstance(NAMES[i]);
                trap.previous[i] = trap.handle.invoke(null, signal, handler);
                trap.signals[i] = signal;
            }
            return trap;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            System.err.println("bot: cannot trap signals (" + ex + "); Ctrl-C will stop without a summary");
            return new SignalTrap(null);
        }
    }

    @Override
    public void close()
    {
        for (int i = 0; i < NAMES.length; i++)
        {
            if (signals[i] != null)
            {
                try
                {
                    handle.invoke(null, signals[i], previous[i]);
                }
                catch (final ReflectiveOperationException ex)
                {
                    System.err.println("bot: cannot restore the handler of SIG" + NAMES[i] + ": " + ex);
                }
            }
        }
    }

    private static final class Handler implements java.lang.reflect.InvocationHandler
    {
        private final Runnable onFirstSignal;
        private final AtomicInteger signalCount = new AtomicInteger();

        Handler(final Runnable onFirstSignal)
        {
            this.onFirstSignal = onFirstSignal;
        }

        @Override
        public Object invoke(final Object proxy, final Method method, final Object[] args)
        {
            switch (method.getName())
            {
                case "handle":
                    if (signalCount.getAndIncrement() == 0)
                    {
                        System.err.println("bot: " + args[0] + ": stopping the replay and draining");
                        onFirstSignal.run();
                    }
                    else
                    {
                        System.err.println("bot: " + args[0] + " again: stopping at once");
                        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                    }
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return "quietloop signal trap";
            }
        }
    }
}
