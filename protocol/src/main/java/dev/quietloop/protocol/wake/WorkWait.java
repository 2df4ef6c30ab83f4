package dev.quietloop.protocol.wake;

/**
 * What an idle agent blocks on until it has work: a ring a producer rings the doorbell of, or a
 * socket. Called on the agent's own thread only, after a duty cycle that did nothing.
 */
@FunctionalInterface
public interface WorkWait
{
    /**
     * Returns when there may be work, or after at most {@code maxWaitNs}; a spurious return is
     * allowed, a missed wake-up is not.
     */
    void awaitWork(long maxWaitNs);
}
