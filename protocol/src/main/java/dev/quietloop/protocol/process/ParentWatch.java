package dev.quietloop.protocol.process;

import java.util.Optional;

/**
 * Makes a launched child stop when its launcher dies, so no orphan is ever left behind: the
 * callback runs (on a JDK thread) as soon as the parent process exits, however it exits.
 */
public final class ParentWatch
{
    private ParentWatch()
    {
    }

    /** Watches the parent if there is one; returns false when the process has no live parent. */
    public static boolean onParentExit(final Runnable action)
    {
        final Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty() || !parent.get().isAlive())
        {
            return false;
        }
        parent.get().onExit().thenRun(action);
        return true;
    }
}
