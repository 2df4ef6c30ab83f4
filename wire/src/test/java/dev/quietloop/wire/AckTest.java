package dev.quietloop.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AckTest
{
    @Test
    void shouldReadBackWhatItWrote()
    {
        final byte[] ack = new byte[Ack.BYTES];
        Ack.encode(ack, 42, -7L, 1L << 40, 3_000_000_000L, true);

        assertTrue(Ack.isValid(ack, Ack.BYTES));
        assertEquals(42, Ack.sourceId(ack));
        assertEquals(-7L, Ack.epoch(ack));
        assertEquals(1L << 40, Ack.eventsTaken(ack));
        assertEquals(3_000_000_000L, Ack.framesTaken(ack));
        assertTrue(Ack.endOfStream(ack));
        assertEquals('Q', ack[0], "little-endian magic: the bytes Q, A");
        assertEquals('A', ack[1]);
    }

    @Test
    void shouldRefuseWhatIsNotAnAcknowledgement()
    {
        final byte[] ack = new byte[Ack.BYTES + 1];
        Ack.encode(ack, 1, 1, 1, 1, false);
        assertFalse(Ack.isValid(ack, Ack.BYTES + 1), "a longer message");
        assertFalse(Ack.isValid(ack, Ack.BYTES - 1), "a shorter one");
        ack[2] = 2;
        assertFalse(Ack.isValid(ack, Ack.BYTES), "another version");
        ack[2] = Ack.VERSION;
        ack[3] = 2;
        assertFalse(Ack.isValid(ack, Ack.BYTES), "an unknown flag");
        ack[3] = 0;
        ack[0] = 'X';
        assertFalse(Ack.isValid(ack, Ack.BYTES), "a wrong magic");
    }
}
