package dev.quietloop.perf;

import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.Event;
import dev.quietloop.protocol.EventListener;
import dev.quietloop.protocol.EventType;
import dev.quietloop.protocol.Frame;
import dev.quietloop.protocol.FrameDecoder;
import dev.quietloop.protocol.FrameEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encode and decode cost of one order event through the frame codec, explicit field writes
 * with Chronicle Bytes. Run: {@code java @config/jvm.options -jar ... CodecBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecBenchmark
{
    private final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final FrameDecoder decoder = new FrameDecoder(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final Event event = new Event();
    private int encodedLength;
    private EventListener sink;

    @Setup
    public void setUp(final Blackhole blackhole)
    {
        sink = blackhole::consume;
        event.type = EventType.ORDER_PLACED;
        event.sourceId = 1;
        event.epoch = 42;
        event.sequence = 1;
        event.originNs = System.nanoTime();
        event.symbolId = 1;
        event.orderId = 7;
        event.side = Event.SIDE_BUY;
        event.price = 3_701_250_000_000L;
        event.quantity = 125_000_000L;
        encoder.reset(0).tryAppend(event);
        encodedLength = encoder.length();
        System.arraycopy(encoder.buffer(), 0, decoder.buffer(), 0, encodedLength);
    }

    @Benchmark
    public int encodeOneEvent()
    {
        encoder.reset(0);
        encoder.tryAppend(event);
        return encoder.length();
    }

    @Benchmark
    public int decodeOneEvent()
    {
        return decoder.decode(encodedLength, sink);
    }
}
