package dev.quietloop.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import dev.quietloop.wire.testing.Allocations;
import dev.quietloop.wire.testing.ForgedFrames;
import dev.quietloop.wire.testing.ForgedFrames.Forged;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FrameValidationTest
{
    private final FrameDecoder decoder = new FrameDecoder(Frame.DEFAULT_MAX_FRAME_BYTES);

    @Test
    void shouldAcceptFramesTheEncoderWrites()
    {
        for (final byte[] frame : new byte[][]{ ForgedFrames.business(1, 1, 1), ForgedFrames.business(9, 1, 200),
            ForgedFrames.warmUp(9, 1, 3), ForgedFrames.control(EventType.HEARTBEAT, 3, 0),
            ForgedFrames.control(EventType.END_OF_STREAM, 3, 7) })
        {
            assertEquals(Frame.VALID, Frame.validate(frame, frame.length));
        }
    }

    @Test
    void shouldRejectEveryForgedFrameWithItsOwnReason()
    {
        for (final Forged forged : ForgedFrames.all())
        {
            assertEquals(Frame.rejectionName(forged.rejection()),
                Frame.rejectionName(Frame.validate(forged.bytes(), forged.bytes().length)), forged.name());
            assertEquals(-1, decoder.decode(forged.bytes(), 0, forged.bytes().length, event -> { }), forged.name());
            assertEquals(forged.rejection(), decoder.lastRejection(), forged.name());
        }
    }

    @Test
    void shouldCoverEveryRejectionKind()
    {
        // Up to the source check, which validate leaves to a receiver that knows its sources.
        for (int result = Frame.REJECTED_BAD_HEADER; result < Frame.REJECTED_UNKNOWN_SOURCE; result++)
        {
            final int kind = result;
            assertTrue(ForgedFrames.all().stream().anyMatch(forged -> forged.rejection() == kind),
                Frame.rejectionName(kind));
        }
    }

    @Test
    void shouldRefuseAFrameOfVersionOneThatIsValidInAllElse()
    {
        final byte[] frame = ForgedFrames.business(1, 1, 3);
        frame[2] = 1;

        assertEquals(Frame.REJECTED_BAD_HEADER, Frame.validate(frame, frame.length));
        assertEquals(-1, decoder.decode(frame, 0, frame.length, event -> { }));
    }

    @Test
    void shouldRefuseTheWarmUpFlagOnAControlFrameOnly()
    {
        final byte[] heartbeat = ForgedFrames.control(EventType.HEARTBEAT, 3, 0);
        heartbeat[3] |= Frame.FLAG_WARM_UP;
        final byte[] warmUp = ForgedFrames.warmUp(3, 1, 2);

        assertEquals(Frame.REJECTED_BAD_HEADER, Frame.validate(heartbeat, heartbeat.length));
        assertEquals(Frame.VALID, Frame.validate(warmUp, warmUp.length));
        assertTrue(Frame.isWarmUp(warmUp));
    }

    @Test
    void shouldRejectFrameLongerThanTheBufferAsTooLarge()
    {
        final byte[] frame = ForgedFrames.business(1, 1, 2);

        assertEquals(Frame.REJECTED_TOO_LARGE, Frame.validate(frame, frame.length + 1));
        assertEquals(Frame.REJECTED_TOO_LARGE, Frame.validate(new byte[70_000], Frame.MAX_FRAME_BYTES + 1));
    }

    @Test
    void shouldNameEachRejectionAsItsCounter()
    {
        assertEquals("rejectedTooLarge", Frame.rejectionName(Frame.REJECTED_TOO_LARGE));
        assertEquals("rejectedBadHeader", Frame.rejectionName(Frame.REJECTED_BAD_HEADER));
        assertEquals("rejectedBadCount", Frame.rejectionName(Frame.REJECTED_BAD_COUNT));
        assertEquals("rejectedBadLength", Frame.rejectionName(Frame.REJECTED_BAD_LENGTH));
        assertEquals("rejectedMixedSource", Frame.rejectionName(Frame.REJECTED_MIXED_SOURCE));
    }

    @Test
    void shouldValidateWithoutAllocating()
    {
        final byte[] frame = ForgedFrames.business(1, 1, 100);
        final byte[] mixed = ForgedFrames.all().get(ForgedFrames.all().size() - 1).bytes();
        final long[] sink = new long[1];
        final long bytes = Allocations.fewestBytes(() ->
        {
            for (int i = 0; i < 10_000; i++)
            {
                sink[0] += Frame.validate(frame, frame.length) + Frame.validate(mixed, mixed.length);
            }
        }, 20);
        assertEquals(0, bytes);
    }

    /** Random bytes behind a valid header: never thrown on, and accepted only if the decoder takes them whole. */
    @Property(tries = 3000, seed = "15")
    void shouldNeverThrowAndAgreeWithTheDecoder(
        @ForAll @Size(min = 0, max = 400) final byte[] body,
        @ForAll @IntRange(min = 0, max = 7) final int flags,
        @ForAll @IntRange(min = 0, max = 6) final int count)
    {
        final byte[] frame = Arrays.copyOf(
            new byte[]{ 'Q', 'L', (byte)Frame.VERSION, (byte)flags, (byte)count, 0 }, 6 + body.length);
        System.arraycopy(body, 0, frame, 6, body.length);

        final int result = Frame.validate(frame, frame.length);
        final int decoded = decoder.decode(frame, 0, frame.length, event -> { });

        assertEquals(result == Frame.VALID, decoded == count, Frame.rejectionName(result));
    }

    /** Any cut of a valid frame, or any single byte changed in its header or a length prefix, is refused. */
    @Property(tries = 2000, seed = "15")
    void shouldRejectEveryTruncationOfAValidFrame(
        @ForAll @IntRange(min = 1, max = 20) final int events,
        @ForAll @IntRange(min = 1, max = 10_000) final int cut)
    {
        final byte[] frame = ForgedFrames.business(5, 1, events);
        final int length = frame.length - 1 - cut % frame.length;

        assertNotEquals(Frame.VALID, Frame.validate(frame, length));
    }

    @Test
    void shouldRejectRandomFramesWithFixedSeed()
    {
        final Random random = new Random(15);
        final byte[] frame = new byte[Frame.DEFAULT_MAX_FRAME_BYTES];
        int valid = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final int length = random.nextInt(frame.length);
            random.nextBytes(frame);
            valid += Frame.validate(frame, length) == Frame.VALID ? 1 : 0;
        }
        assertEquals(0, valid);
    }
}
