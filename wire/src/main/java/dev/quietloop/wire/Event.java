package dev.quietloop.wire;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesMarshallable;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * One flat, mutable, pre-allocated event: a Disruptor ring slot on the bot and the decode target
 * on the receivers. Fields are public and primitive, as in exchange-core's order command, so the
 * trading thread only stores longs. Prices and quantities are fixed-point with {@link #SCALE}.
 * <p>
 * The binary form is written field by field (no reflection): a fixed header, then the body of
 * the type. {@link #encodedLength(int)} gives its exact size, which the frame decoder checks.
 */
public final class Event implements BytesMarshallable
{
    /** Fixed-point scale of {@link #price}, {@link #quantity} and {@link #value}: 8 decimals. */
    public static final long SCALE = 100_000_000L;

    public static final byte SIDE_BUY = 1;
    public static final byte SIDE_SELL = -1;

    /** {@link #code} of an {@link EventType#ORDER_CANCELLED}: cancelled by the strategy. */
    public static final int REASON_CANCELLED = 1;
    /** {@link #code} of an {@link EventType#ORDER_CANCELLED}: rejected by execution. */
    public static final int REASON_REJECTED = 2;

    /** type, sourceId, epoch, sequence, originNs, marketDataNs. */
    public static final int HEADER_BYTES = 1 + 4 + 8 + 8 + 8 + 8;
    /** The largest body of any type; a frame needs this much room to accept any event. */
    public static final int MAX_ENCODED_BYTES = HEADER_BYTES + 4 * 8;
    /** The smallest event of any type (a cancellation); a shorter length prefix is malformed. */
    public static final int MIN_ENCODED_BYTES = HEADER_BYTES + 4 + 8 + 1 + 4;
    /** Where the i32 source id sits in an encoded event, after the u8 type. */
    public static final int SOURCE_ID_OFFSET = 1;
    /** Where the epoch starts in an encoded event: after the type and the source id. */
    public static final int EPOCH_OFFSET = 5;

    private static final int SIGNAL_BODY = 4 + 1 + 4 + 8 + 8;
    private static final int ORDER_BODY = 4 + 8 + 1 + 8 + 8;
    private static final int CANCEL_BODY = 4 + 8 + 1 + 4;
    private static final int COUNTERS_BODY = 4 * 8;
    private static final int POSITION_BODY = 4 + 8 + 8 + 8;

    // header
    public byte type;
    public int sourceId;
    public long epoch;
    /** Per source and epoch, from 1; 0 on control events, which are not sequenced. */
    public long sequence;
    public long originNs;
    public long marketDataNs;

    // body of signals and orders
    public int symbolId;
    public long orderId;
    public byte side;
    public long price;
    public long quantity;
    /** Signal kind, or the reason of a cancellation. */
    public int code;
    /** Signal value, fixed-point. */
    public long value;

    // body of heartbeat and end of stream: the sender's counters at the time of sending
    public long ticks;
    public long eventsProduced;
    public long ringRejected;
    public long eventsSent;

    /**
     * Local to the bot, never on the wire: when the event entered the ring
     * ({@code System.nanoTime()}), stamped only while the {@code ringToSend} hop is timed.
     */
    public long ringNs;

    /**
     * Not an event's own bytes: set by {@link FrameDecoder} from its frame's header
     * ({@link Frame#FLAG_WARM_UP}), true when the event belongs to the bot's warm-up.
     */
    public boolean warmUp;

    /** Exact encoded size of an event of this type, or -1 for an unknown type. */
    public static int encodedLength(final int type)
    {
        switch (type)
        {
            case EventType.SIGNAL:
                return HEADER_BYTES + SIGNAL_BODY;
            case EventType.ORDER_PLACED:
            case EventType.ORDER_FILLED:
                return HEADER_BYTES + ORDER_BODY;
            case EventType.ORDER_CANCELLED:
                return HEADER_BYTES + CANCEL_BODY;
            case EventType.HEARTBEAT:
            case EventType.END_OF_STREAM:
                return HEADER_BYTES + COUNTERS_BODY;
            case EventType.POSITION:
                return HEADER_BYTES + POSITION_BODY;
            default:
                return -1;
        }
    }

    public Event clear()
    {
        type = 0;
        sourceId = 0;
        epoch = 0;
        sequence = 0;
        originNs = 0;
        marketDataNs = 0;
        symbolId = 0;
        orderId = 0;
        side = 0;
        price = 0;
        quantity = 0;
        code = 0;
        value = 0;
        ticks = 0;
        eventsProduced = 0;
        ringRejected = 0;
        eventsSent = 0;
        warmUp = false;
        return this;
    }

    public Event copyFrom(final Event other)
    {
        type = other.type;
        sourceId = other.sourceId;
        epoch = other.epoch;
        sequence = other.sequence;
        originNs = other.originNs;
        marketDataNs = other.marketDataNs;
        symbolId = other.symbolId;
        orderId = other.orderId;
        side = other.side;
        price = other.price;
        quantity = other.quantity;
        code = other.code;
        value = other.value;
        ticks = other.ticks;
        eventsProduced = other.eventsProduced;
        ringRejected = other.ringRejected;
        eventsSent = other.eventsSent;
        ringNs = other.ringNs;
        warmUp = other.warmUp;
        return this;
    }

    @Override
    public boolean usesSelfDescribingMessage()
    {
        return false;
    }

    @Override
    public void writeMarshallable(final BytesOut<?> out)
    {
        out.writeByte(type);
        out.writeInt(sourceId);
        out.writeLong(epoch);
        out.writeLong(sequence);
        out.writeLong(originNs);
        out.writeLong(marketDataNs);
        switch (type)
        {
            case EventType.SIGNAL:
                out.writeInt(symbolId);
                out.writeByte(side);
                out.writeInt(code);
                out.writeLong(price);
                out.writeLong(value);
                break;
            case EventType.ORDER_PLACED:
            case EventType.ORDER_FILLED:
                out.writeInt(symbolId);
                out.writeLong(orderId);
                out.writeByte(side);
                out.writeLong(price);
                out.writeLong(quantity);
                break;
            case EventType.ORDER_CANCELLED:
                out.writeInt(symbolId);
                out.writeLong(orderId);
                out.writeByte(side);
                out.writeInt(code);
                break;
            case EventType.POSITION:
                out.writeInt(symbolId);
                out.writeLong(quantity);
                out.writeLong(price);
                out.writeLong(value);
                break;
            case EventType.HEARTBEAT:
            case EventType.END_OF_STREAM:
                out.writeLong(ticks);
                out.writeLong(eventsProduced);
                out.writeLong(ringRejected);
                out.writeLong(eventsSent);
                break;
            default:
                throw new IllegalStateException("cannot encode event type " + type);
        }
    }

    /** Reads one event; the caller has checked that exactly {@link #encodedLength(int)} bytes are there. */
    @Override
    public void readMarshallable(final BytesIn<?> in)
    {
        clear();
        type = in.readByte();
        sourceId = in.readInt();
        epoch = in.readLong();
        sequence = in.readLong();
        originNs = in.readLong();
        marketDataNs = in.readLong();
        switch (type)
        {
            case EventType.SIGNAL:
                symbolId = in.readInt();
                side = in.readByte();
                code = in.readInt();
                price = in.readLong();
                value = in.readLong();
                break;
            case EventType.ORDER_PLACED:
            case EventType.ORDER_FILLED:
                symbolId = in.readInt();
                orderId = in.readLong();
                side = in.readByte();
                price = in.readLong();
                quantity = in.readLong();
                break;
            case EventType.ORDER_CANCELLED:
                symbolId = in.readInt();
                orderId = in.readLong();
                side = in.readByte();
                code = in.readInt();
                break;
            case EventType.POSITION:
                symbolId = in.readInt();
                quantity = in.readLong();
                price = in.readLong();
                value = in.readLong();
                break;
            case EventType.HEARTBEAT:
            case EventType.END_OF_STREAM:
                ticks = in.readLong();
                eventsProduced = in.readLong();
                ringRejected = in.readLong();
                eventsSent = in.readLong();
                break;
            default:
                throw new IllegalStateException("cannot decode event type " + type);
        }
    }

    @Override
    public String toString()
    {
        return EventType.name(type) + "{source=" + sourceId + ", epoch=" + epoch + ", sequence=" + sequence +
            ", originNs=" + originNs + ", marketDataNs=" + marketDataNs + ", symbolId=" + symbolId +
            ", orderId=" + orderId + ", side=" + side + ", price=" + price + ", quantity=" + quantity +
            ", code=" + code + ", value=" + value + ", ticks=" + ticks + ", eventsProduced=" + eventsProduced +
            ", ringRejected=" + ringRejected + ", eventsSent=" + eventsSent + '}';
    }
}
