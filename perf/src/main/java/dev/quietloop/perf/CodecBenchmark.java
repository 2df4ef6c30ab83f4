package dev.quietloop.perf;

import java.util.concurrent.TimeUnit;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventListener;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import dev.quietloop.wire.FrameEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encode and decode cost of one business event of each type through the frame codec, explicit
 * field writes with Chronicle Bytes. The bodies differ per type, so each type is measured: the
 * sender encodes whatever mix the strategy produces. One event per frame shows the per-frame
 * overhead (header, validation) at its worst. Run: {@code java @config/jvm.options -cp
 * "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main CodecBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Measurement(iterations = 3, time = 1)
public class CodecBenchmark extends HotPathBenchmark
{
    /** {@link EventType#name(int)} of each business type. */
    @Param({ "signal", "orderPlaced", "orderFilled", "orderCancelled", "position" })
    public String eventType;

    private final FrameEncoder encoder = new FrameEncoder(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final FrameDecoder decoder = new FrameDecoder(Frame.DEFAULT_MAX_FRAME_BYTES);
    private final Event event = new Event();
    private int encodedLength;
    private EventListener sink;

    @Setup
    public void setUp(final Blackhole blackhole)
    {
        // Made once here: a method reference per call would be an allocation the benchmark adds.
        sink = blackhole::consume;
        fill(event, typeCode(eventType));
        encoder.reset(0).tryAppend(event);
        encodedLength = encoder.length();
        System.arraycopy(encoder.buffer(), 0, decoder.buffer(), 0, encodedLength);
        if (decoder.decode(encodedLength, sink) != 1)
        {
            throw new IllegalStateException(eventType + ": the encoded frame does not decode");
        }
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

    private static byte typeCode(final String name)
    {
        for (int type = 0; type < EventType.CODES; type++)
        {
            if (EventType.isKnown(type) && !EventType.isControl(type) && EventType.name(type).equals(name))
            {
                return (byte)type;
            }
        }
        throw new IllegalArgumentException("not a business event type: " + name);
    }

    /** Realistic values: every field the type carries is set, so no body is cheaper for being zero. */
    private static void fill(final Event event, final byte type)
    {
        event.type = type;
        event.sourceId = 1;
        event.epoch = 0x5DEE_CE66_D1CE_4E5BL;
        event.sequence = 1_234_567;
        event.originNs = System.nanoTime();
        event.marketDataNs = 1_735_689_600_123_456_000L;
        event.symbolId = 1;
        event.side = Event.SIDE_BUY;
        switch (type)
        {
            case EventType.SIGNAL:
                event.code = 1;
                event.price = 4_231_390_000_000L;
                event.value = 12_500_000L;
                break;
            case EventType.ORDER_PLACED:
            case EventType.ORDER_FILLED:
                event.orderId = 7;
                event.price = 3_701_250_000_000L;
                event.quantity = 125_000_000L;
                break;
            case EventType.ORDER_CANCELLED:
                event.orderId = 7;
                event.code = Event.REASON_CANCELLED;
                break;
            default:
                event.quantity = -125_000_000L;
                event.price = 3_701_300_000_000L;
                event.value = -6_250_000L;
                break;
        }
    }
}
