package dev.quietloop.broker;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT and SIGTERM as a flag the run coordinator watches: the first asks for the orderly end
 * (stop the bot, drain, partial report, exit 130); the second runs the emergency action at once.
 * <p>
 * No shutdown hook is involved, so the JVM keeps running until the report is written and
 * {@code main} returns its own exit code. The handlers are {@code sun.misc.Signal}'s, reached
 * reflectively because javac offers no way to silence its proprietary-API warning under
 * {@code -Werror}; where they are unavailable only the signal handling is lost, and said so.
 */
final class StopSignal implements AutoCloseable
{
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final AtomicInteger signals = new AtomicInteger();
    private final Runnable onSecondSignal;
    private final List<Object[]> previousHandlers = new ArrayList<>();
    private Method handleMethod;

    StopSignal(final Runnable onSecondSignal)
    {
        this.onSecondSignal = onSecondSignal;
    }

    /** Installs the handlers, remembering the previous ones to restore on {@link #close()}. */
    static StopSignal install(final Runnable onSecondSignal)
    {
        final StopSignal stop = new StopSignal(onSecondSignal);
        stop.installHandlers();
        return stop;
    }

    /** What a signal does; also called when the parent process exits. */
    void trigger()
    {
        if (signals.incrementAndGet() >= 2)
        {
            onSecondSignal.run();
        }
    }

    boolean isRequested()
    {
        return signals.get() > 0;
    }

    private void installHandlers()
    {
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            handleMethod = signalClass.getMethod("handle", signalClass, handlerClass);
            final Object handler = Proxy.newProxyInstance(
                handlerClass.getClassLoader(), new Class<?>[]{handlerClass}, new Handler(this));
            for (final String name : SIGNALS)
            {
                final Object signal = signalClass.getConstructor(String.class).newInstance(name);
                previousHandlers.add(new Object[]{signal, handleMethod.invoke(null, signal, handler)});
            }
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            System.err.println("broker: cannot handle SIGINT/SIGTERM here (" + ex + "); they will stop the JVM at once");
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
                System.err.println("broker: cannot restore the handler of " + previous[0] + ": " + ex);
            }
        }
        previousHandlers.clear();
    }

    private static final class Handler implements InvocationHandler
    {
        private final StopSignal stop;

        Handler(final StopSignal stop)
        {
            this.stop = stop;
        }

        @Override
        public Object invoke(final Object proxy, final Method method, final Object[] args)
        {
            switch (method.getName())
            {
                case "handle":
                    stop.trigger();
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return "StopSignal";
            }
        }
    }
}
