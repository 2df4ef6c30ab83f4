package dev.quietloop.bot.replay;

import java.nio.ByteOrder;

import org.agrona.UnsafeApi;

/**
 * Eight ASCII bytes at a time in one {@code long}, read little-endian so the first byte is the
 * lowest: find the first non-digit or a given byte, and turn up to eight digits into a number in
 * a few multiplications instead of a multiply-add per digit (as in Lemire's "parse eight digits").
 */
final class Swar
{
    static final long COMMAS = 0x2C2C_2C2C_2C2C_2C2CL;
    static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;

    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    /** Added to a byte above '9', sets its high bit; bytes of 0xBA and up are caught by the subtraction instead. */
    private static final long ABOVE_NINE = 0x4646_4646_4646_4646L;
    private static final long LOW_BITS = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long PAIR_MASK = 0x0000_00FF_0000_00FFL;
    /** 100 + (1,000,000 << 32): the first and third pair of digits to their places in the high half. */
    private static final long PAIRS_0_2 = 0x000F_4240_0000_0064L;
    /** 1 + (10,000 << 32): the second and fourth pair. */
    private static final long PAIRS_1_3 = 0x0000_2710_0000_0001L;

    private Swar()
    {
    }

    /** Eight bytes of off-heap memory, the first the lowest, whatever the machine's byte order. */
    static long word(final long address)
    {
        final long word = UnsafeApi.getLong(address);
        return BIG_ENDIAN ? Long.reverseBytes(word) : word;
    }

    /**
     * How many bytes, from the first, are digits: 0 to 8. Carries and borrows only move towards
     * later bytes, so the first non-digit is always found right, whatever follows it.
     */
    static int digitCount(final long word)
    {
        final long nonDigits = ((word + ABOVE_NINE) | (word - ZEROS)) & HIGH_BITS;
        return Long.numberOfTrailingZeros(nonDigits) >>> 3;
    }

    /** Whether all eight bytes are digits. */
    static boolean isDigits(final long word)
    {
        return (((word + ABOVE_NINE) | (word - ZEROS)) & HIGH_BITS) == 0;
    }

    /** The first {@code count} bytes, all digits, {@code 1 <= count <= 8}, as a number. */
    static long digits(final long word, final int count)
    {
        // Shifting the digits to the top leaves zero digits below them, which add nothing.
        long value = (word - ZEROS) << ((Long.BYTES - count) << 3);
        value = value * 10 + (value >>> 8);
        return ((value & PAIR_MASK) * PAIRS_0_2 + ((value >>> 16) & PAIR_MASK) * PAIRS_1_3) >>> 32;
    }

    /** The first {@code count} bytes of {@code word}, {@code 1 <= count <= 7}, then the bytes of {@code next}. */
    static long concat(final long word, final int count, final long next)
    {
        final int bits = count << 3;
        return (word & ((1L << bits) - 1)) | (next << bits);
    }

    /**
     * The high bit of every byte equal to the pattern's, and no other bit: exact for every byte, with
     * no carry from one byte into the next (unlike {@link #indexOf}'s test, which is exact only for the first).
     */
    static long matches(final long word, final long pattern)
    {
        final long xor = word ^ pattern;
        return ~(((xor & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | xor | LOW_SEVEN_BITS);
    }

    /** The index (0 to 7) of the first byte equal to the pattern's bytes, or 8 when there is none. */
    static int indexOf(final long word, final long pattern)
    {
        final long xor = word ^ pattern;
        // A matching byte is now zero; the lowest flagged byte is a true match (false ones lie only above it).
        return Long.numberOfTrailingZeros((xor - LOW_BITS) & ~xor & HIGH_BITS) >>> 3;
    }
}
