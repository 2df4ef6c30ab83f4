package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * A process's agent threads: each started on a thread named after its agent, each with its first
 * error reported ({@link FirstErrorReport}) and every one counted, and all closed in the reverse
 * order of their start. Closing an agent's runner waits for its duty cycle to end and runs its
 * {@code onClose()} on its own thread, so what an agent made there is released there.
 */
public final class AgentThreads implements AutoCloseable
{
    private final String role;
    private final String errorsKey;
    private final PrintStream err;
    private final List<AgentRunner> started = new ArrayList<>();

    /**
     * @param role      the process, as its errors are reported
     * @param errorsKey the summary key of the counter every agent's errors go to
     */
    public AgentThreads(final String role, final String errorsKey, final PrintStream err)
    {
        this.role = role;
        this.errorsKey = errorsKey;
        this.err = err;
    }

    /** Starts {@code agent} on a thread of its own, counting its errors in {@code errors}. */
    public AgentRunner start(final Agent agent, final IdleStrategy idleStrategy, final AtomicCounter errors)
    {
        final AgentRunner runner = new AgentRunner(
            idleStrategy, new FirstErrorReport(role, agent.roleName(), errorsKey, err), errors, agent);
        AgentRunner.startOnThread(runner);
        started.add(runner);
        return runner;
    }

    /** Closes the runners, the last started first. */
    @Override
    public void close()
    {
        for (int i = started.size() - 1; i >= 0; i--)
        {
            started.get(i).close();
        }
        started.clear();
    }
}
