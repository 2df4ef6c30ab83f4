package dev.quietloop.perf;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * What recording one latency costs the thread that owns a hop: HdrHistogram's
 * {@link SingleWriterRecorder#recordValue} on its own, then through {@link HopLatency} as the
 * sender records {@code ringToSend} ({@code recordEvent(sequence, startNs, endNs)}, clock already read)
 * and as the trading thread records {@code tickToPublish} ({@code recordEvent(sequence, startNs)},
 * which reads the clock),
 * a hop switched off, which should cost nothing, and a bare {@code System.nanoTime()}: every timed
 * hop pays at least one clock read, and on a virtual machine that can cost more than the record.
 * Values cycle through a fixed set spread from tens of nanoseconds to a millisecond, so the
 * histogram's buckets vary as in a run (the clock-reading case records the time since the
 * iteration began instead). The reporter's interval swap runs on another thread in a
 * run and is not measured here. Run: {@code java @config/jvm.options -cp
 * "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main RecorderBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecorderBenchmark extends HotPathBenchmark
{
    /** A power of two, so the next value is an index mask away. */
    private static final int VALUES = 4_096;
    private static final long START_NS = 1_000_000_000L;

    private final SingleWriterRecorder recorder =
        new SingleWriterRecorder(HopLatency.HIGHEST_TRACKABLE_NS, HopLatency.SIGNIFICANT_DIGITS);
    private final HopLatency hopOn = HopLatency.of(Hop.RING_TO_SEND, true);
    private final HopLatency hopOff = HopLatency.of(Hop.RING_TO_SEND, false);
    private final long[] latenciesNs = latencies();
    private int index;
    private long iterationStartNs;

    @Setup(Level.Iteration)
    public void startIteration()
    {
        iterationStartNs = System.nanoTime();
    }

    @Benchmark
    public void recordValue()
    {
        recorder.recordValue(nextLatencyNs());
    }

    @Benchmark
    public void hopRecordStartEnd()
    {
        hopOn.recordEvent(1, START_NS, START_NS + nextLatencyNs());
    }

    /** One clock read, inside the hop: the start is the iteration's, so values run up to a second. */
    @Benchmark
    public void hopRecordSinceStart()
    {
        hopOn.recordEvent(1, iterationStartNs);
    }

    /** The clock read that {@link #hopRecordSinceStart()} adds, on its own. */
    @Benchmark
    public long clockRead()
    {
        return System.nanoTime();
    }

    @Benchmark
    public void hopOff()
    {
        hopOff.recordEvent(1, START_NS, START_NS + nextLatencyNs());
    }

    private long nextLatencyNs()
    {
        return latenciesNs[index++ & (VALUES - 1)];
    }

    /** Log-uniform from 20 ns to 1 ms: as many values per decade, as latencies spread in a run. */
    private static long[] latencies()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final long[] values = new long[VALUES];
        final double lowLog = Math.log(20);
        final double highLog = Math.log(1_000_000);
        for (int i = 0; i < VALUES; i++)
        {
            values[i] = (long)Math.exp(lowLog + random.nextDouble() * (highLog - lowLog));
        }
        return values;
    }
}
