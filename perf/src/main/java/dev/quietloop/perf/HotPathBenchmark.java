package dev.quietloop.perf;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every benchmark here runs with by hand (a subclass adds its mode and unit, JMH
 * inherits the rest): one fork, three warm-up and five measured iterations of a second, a state
 * per thread. The bench suite sets its own counts ({@code bench.MicroBenchmarks}).
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class HotPathBenchmark
{
}
