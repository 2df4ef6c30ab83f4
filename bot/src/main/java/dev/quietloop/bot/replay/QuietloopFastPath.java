package dev.quietloop.bot.replay;

import dev.quietloop.strategy.Quote;
import dev.quietloop.wire.Event;
import org.agrona.UnsafeApi;

/**
 * The usual row of {@link MarketDataFormat#QUIETLOOP} in one pass from the start of its line:
 * each field ends where its digits (or the symbol's bytes) stop, so the line's newline and commas
 * are never searched for first. It takes only a row it can prove valid: a timestamp of 17 to 19
 * digits, a known symbol of up to 15 bytes, four decimals of 1 to 8 integer digits and up to 8
 * decimals, positive, the bid not above the ask, and {@code \n} right after the last digit. On
 * anything else it leaves the source as it was and the row goes the general way
 * ({@link LineSource#nextLine()} then {@link QuietloopRows}), which alone rejects rows, so
 * every row gives the same result, reason and line number as without this class.
 * <p>
 * The fields depend on each other only through where each one ends, and that chain, not the
 * arithmetic, sets the pace. A column keeps its shape from row to row (the timestamp its digits, a
 * price its decimals), so each field is read where its shape in the row before puts it, measured
 * from the digits that do vary (a price's integer part), and the true end is checked afterwards: the
 * processor moves on to the next field without waiting, and a row of another shape costs one
 * mispredicted branch, never a wrong value.
 */
final class QuietloopFastPath
{
    /**
     * The most bytes from the line's start this reads: the timestamp's three words (24), or with its
     * comma at most 20 bytes, then the symbol's two words, at most 16 with its comma, then four
     * decimals of at most 18 bytes with their delimiter, each read no further: 20 + 16 + 4 * 18 = 108.
     */
    static final int READ_AHEAD_BYTES = 128;

    private static final int SYMBOL_WORDS_BYTES = 2 * Long.BYTES;
    private static final long EIGHT_DIGITS = 100_000_000L;
    /** Up to this many digits a timestamp is below 2^64, so one past {@link Long#MAX_VALUE} shows as negative. */
    private static final int MAX_TIMESTAMP_DIGITS = 19;
    private static final int NOT_TAKEN = -1;
    private static final int DECIMAL_COLUMNS = 4;

    private final LineSource source;
    private final Quote quote;
    private final SymbolTable symbols;
    /** Per decimal column, the bytes after its integer digits through its delimiter in the row before: 4 for ".25,". */
    private final int[] decimalTails = new int[DECIMAL_COLUMNS];
    /** The timestamp's digits past the sixteenth in the row before. */
    private int timestampTail;
    private long address;
    /** Where the next field starts, once the one before it is parsed. */
    private int cursor;

    QuietloopFastPath(final LineSource source, final Quote quote, final SymbolTable symbols)
    {
        this.source = source;
        this.quote = quote;
        this.symbols = symbols;
    }

    /**
     * Parses the source's next line into the quote and moves the source past it when the line is a
     * valid row of the usual shape; otherwise changes nothing and returns false.
     */
    boolean tryNext()
    {
        final LineSource source = this.source;
        final int start = source.position;
        // Only where every word read lies in the bytes held: near the end of a window, a buffer or the
        // file, the general way.
        if (start > source.limit - READ_AHEAD_BYTES)
        {
            return false;
        }
        // A new window or a refilled buffer may have moved the memory.
        address = source.buffer.addressOffset();
        cursor = start;
        final long timestampNs = timestamp();
        if (timestampNs < 0)
        {
            return false;
        }
        final int symbolId = symbol();
        if (symbolId < 0)
        {
            return false;
        }
        final long bidPrice = decimal(0, ',');
        if (bidPrice <= 0)
        {
            return false;
        }
        final long bidSize = decimal(1, ',');
        if (bidSize <= 0)
        {
            return false;
        }
        final long askPrice = decimal(2, ',');
        // Not below a positive bid: so positive too, and the book not crossed.
        if (askPrice < bidPrice)
        {
            return false;
        }
        final long askSize = decimal(3, '\n');
        if (askSize <= 0)
        {
            return false;
        }
        quote.set(symbolId, timestampNs, bidPrice, bidSize, askPrice, askSize);
        source.takeLine(cursor - 1);
        return true;
    }

    /**
     * A timestamp of 17 to 19 digits, every nanosecond time from 1973 to 2286, and its comma, or
     * {@link #NOT_TAKEN}: sixteen digits in two words, the rest in a third.
     */
    private long timestamp()
    {
        final int start = cursor;
        final long word0 = Swar.word(address + start);
        final long word1 = Swar.word(address + start + Long.BYTES);
        final long word2 = Swar.word(address + start + 2 * Long.BYTES);
        final int lastDigits = Swar.digitCount(word2);
        final int end = start + 2 * Long.BYTES + lastDigits;
        final int guessedTail = timestampTail;
        cursor = start + 2 * Long.BYTES + guessedTail + 1;
        if (!Swar.isDigits(word0) || !Swar.isDigits(word1) || lastDigits == 0 ||
            lastDigits > MAX_TIMESTAMP_DIGITS - 2 * Long.BYTES || UnsafeApi.getByte(address + end) != ',')
        {
            return NOT_TAKEN;
        }
        if (lastDigits != guessedTail)
        {
            timestampTail = lastDigits;
            cursor = end + 1;
        }
        // Negative when past Long.MAX_VALUE, as nineteen digits stay below 2^64.
        return (Swar.digits(word0, Long.BYTES) * EIGHT_DIGITS + Swar.digits(word1, Long.BYTES)) *
            Decimals.powerOfTen(lastDigits) + Swar.digits(word2, lastDigits);
    }

    /** The id of the symbol, found by its words, and its comma; {@link #NOT_TAKEN} if unknown or over 15 bytes. */
    private int symbol()
    {
        final int start = cursor;
        final long word0 = Swar.word(address + start);
        final long word1 = Swar.word(address + start + Long.BYTES);
        final int comma0 = Swar.indexOf(word0, Swar.COMMAS);
        final int length;
        final int id;
        if (comma0 < Long.BYTES)
        {
            length = comma0;
            id = length == 0 ? NOT_TAKEN : symbols.lookup(word0 & lowBytes(length), 0, length);
        }
        else
        {
            length = Long.BYTES + Swar.indexOf(word1, Swar.COMMAS);
            // The table holds only valid symbols, so a symbol found cannot hold a newline or any other stray byte.
            id = length == SYMBOL_WORDS_BYTES ? NOT_TAKEN :
                symbols.lookup(word0, word1 & lowBytes(length - Long.BYTES), length);
        }
        cursor = start + length + 1;
        return id;
    }

    /**
     * The decimal in {@code column} of 1 to 8 integer digits and up to 8 decimals followed by
     * {@code delimiter}, as fixed-point with {@link Event#SCALE}; {@link #NOT_TAKEN} for any other shape.
     */
    private long decimal(final int column, final char delimiter)
    {
        final int start = cursor;
        final long word = Swar.word(address + start);
        final int integerDigits = Swar.digitCount(word);
        final int point = start + integerDigits;
        final int guessedTail = decimalTails[column];
        cursor = point + guessedTail;
        if (integerDigits == 0)
        {
            return NOT_TAKEN;
        }
        final byte afterInteger = UnsafeApi.getByte(address + point);
        if (afterInteger == delimiter)
        {
            checkTail(column, guessedTail, point, point);
            return Swar.digits(word, integerDigits) * Event.SCALE;
        }
        if (afterInteger != '.')
        {
            return NOT_TAKEN;
        }
        final long fractionWord = Swar.word(address + point + 1);
        final int fractionDigits = Swar.digitCount(fractionWord);
        final int end = point + 1 + fractionDigits;
        if (UnsafeApi.getByte(address + end) != delimiter)
        {
            return NOT_TAKEN;
        }
        checkTail(column, guessedTail, point, end);
        final int digits = integerDigits + fractionDigits;
        if (fractionDigits > 0 && digits <= Long.BYTES)
        {
            // The usual price or size: both parts in one word, converted at once.
            return Swar.digits(Swar.concat(word, integerDigits, fractionWord), digits) *
                Decimals.powerOfTen(Decimals.SCALE_DIGITS - fractionDigits);
        }
        final long integer = Swar.digits(word, integerDigits) * Event.SCALE;
        return fractionDigits == 0 ? integer : integer +
            Swar.digits(fractionWord, fractionDigits) * Decimals.powerOfTen(Decimals.SCALE_DIGITS - fractionDigits);
    }

    /** Corrects the guess of where the next field starts, and keeps the decimal's tail for the next row. */
    private void checkTail(final int column, final int guessedTail, final int point, final int end)
    {
        final int tail = end + 1 - point;
        if (tail != guessedTail)
        {
            decimalTails[column] = tail;
            cursor = end + 1;
        }
    }

    /** A mask of the lowest {@code bytes} bytes, {@code 0 <= bytes <= 7}. */
    private static long lowBytes(final int bytes)
    {
        return (1L << (bytes << 3)) - 1;
    }
}
