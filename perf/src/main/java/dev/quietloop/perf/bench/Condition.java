package dev.quietloop.perf.bench;

import java.util.List;

/** What the metrics side does during a run of the isolation matrix, and the broker flags that make it. */
enum Condition
{
    HEALTHY("healthy stub", List.of("--launch-stub")),
    SLOW("slow stub, 200 µs per message", List.of("--launch-stub", "--stub-arg=--delay-us=200")),
    STALLED("stalled stub, never reads", List.of("--launch-stub", "--stub-arg=--stall-after=1",
        "--stub-arg=--stall-seconds=3600")),
    DEAD("no sidecar (dead endpoint)", List.of()),
    BROKER_STOPPED("broker SIGSTOP mid-run, then SIGCONT", List.of("--launch-stub"));

    private final String title;
    private final List<String> brokerArgs;

    Condition(final String title, final List<String> brokerArgs)
    {
        this.title = title;
        this.brokerArgs = brokerArgs;
    }

    String title()
    {
        return title;
    }

    /** The broker's flags for this condition; a dead endpoint needs a port nobody listens on. */
    List<String> brokerArgs(final int deadPort)
    {
        return this == DEAD ? List.of("--sidecar", "tcp://127.0.0.1:" + deadPort) : brokerArgs;
    }
}
