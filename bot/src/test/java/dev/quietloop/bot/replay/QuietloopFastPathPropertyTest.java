package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A reader of {@link MarketDataFormat#QUIETLOOP}, which tries {@link QuietloopFastPath} on every
 * row first, reads every file exactly as the general path alone does: the same ticks, rejections,
 * reasons and line numbers. The files mix rows in the shapes the fast path takes with every other
 * shape of number and symbol, crossed books, mangled bytes, {@code \r\n}, empty lines and a last
 * line without a newline, rows far from the end of the bytes and rows close to it.
 */
class QuietloopFastPathPropertyTest
{
    /** Interned before each file: lengths around the one-word and two-word limits of the fast path. */
    private static final String[] KNOWN = {
        "BTCUSDT", "ETHUSDT", "A", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP", "a.b_c:d/e-f" };
    private static final String[] ODD_DECIMALS = {
        "", "0", "0.0", "-1.5", "+1", "1e5", "1.5E-3", "NaN", "inf", ".5", "1.", "1..2", " 1", "00000000001.5",
        "99999999.99999999", "0.00000001", "123456789", "1.000000000", "1" + "0".repeat(LineSource.MAX_LINE_BYTES) };
    private static final String MANGLE_CHARS = "0123456789.,,\n\r-eE x\u00e9\u0000";

    @Property(tries = 3000)
    void shouldReadEveryLineAsTheGeneralPathAloneDoes(@ForAll("files") final String text, @ForAll final boolean intern)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

        final List<String> expected = generalPathAlone(bytes, intern);

        assertEquals(expected, throughReader(bytes, intern), text);
        // Not vacuous: in many files the fast path takes rows (and corrects its guesses of their shape).
        Statistics.label("files with a row taken by the fast path").collect(rowsTakenByFastPath(bytes) > 0);
        Statistics.label("files with a row taken by the fast path").coverage(
            coverage -> coverage.check(true).percentage(percent -> percent > 30));
    }

    @Provide
    Arbitrary<String> files()
    {
        final Arbitrary<String> line = Combinators.combine(row(), lineEnd()).as((row, end) -> row + end);
        return line.list().ofMinSize(1).ofMaxSize(12).map(lines -> String.join("", lines));
    }

    private static Arbitrary<String> row()
    {
        final Arbitrary<String> usual = Combinators.combine(
            Arbitraries.longs().between(1_000_000_000_000_000_000L, Long.MAX_VALUE),
            Arbitraries.of(KNOWN), usualDecimal(), usualDecimal(), usualDecimal(), usualDecimal())
            .as((time, symbol, bid, bidSize, ask, askSize) -> new BigDecimal(bid).compareTo(new BigDecimal(ask)) <= 0 ?
                time + "," + symbol + "," + bid + "," + bidSize + "," + ask + "," + askSize :
                time + "," + symbol + "," + ask + "," + bidSize + "," + bid + "," + askSize);
        final Arbitrary<String> any = Combinators.combine(timestamp(), symbol(), decimal(), decimal(), decimal(),
            decimal()).as((time, symbol, bid, bidSize, ask, askSize) ->
            time + "," + symbol + "," + bid + "," + bidSize + "," + ask + "," + askSize);
        final Arbitrary<String> mangled = Combinators.combine(Arbitraries.oneOf(usual, any), mangles()).as(
            QuietloopFastPathPropertyTest::mangle);
        return Arbitraries.frequencyOf(
            Tuple.of(4, usual),
            Tuple.of(2, any),
            Tuple.of(2, mangled),
            Tuple.of(1, Arbitraries.of("", "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size")));
    }

    /** Each char deleted, replaced or inserted at a position: {@code {at, char, kind}}. */
    private static String mangle(final String row, final List<int[]> mangles)
    {
        final StringBuilder text = new StringBuilder(row);
        for (final int[] mangle : mangles)
        {
            final int at = mangle[0] % (text.length() + 1);
            final char c = MANGLE_CHARS.charAt(mangle[1] % MANGLE_CHARS.length());
            if (mangle[2] == 0 && at < text.length())
            {
                text.deleteCharAt(at);
            }
            else if (mangle[2] == 1 && at < text.length())
            {
                text.setCharAt(at, c);
            }
            else
            {
                text.insert(at, c);
            }
        }
        return text.toString();
    }

    private static Arbitrary<List<int[]>> mangles()
    {
        return Combinators.combine(
            Arbitraries.integers().between(0, 200),
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 2)).as((at, c, kind) -> new int[] { at, c, kind })
            .list().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<String> lineEnd()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just("\n")),
            Tuple.of(1, Arbitraries.just("\r\n")),
            Tuple.of(1, Arbitraries.just("")));
    }

    private static Arbitrary<String> timestamp()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.longs().between(1_000_000_000_000_000_000L, Long.MAX_VALUE)
                .map(String::valueOf)),
            Tuple.of(3, Arbitraries.strings().numeric().ofMaxLength(21)),
            Tuple.of(1, Arbitraries.of("", "-1", "1e18", "NaN", "x", "9223372036854775808")));
    }

    private static Arbitrary<String> symbol()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(KNOWN)),
            Tuple.of(2, Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRST.-_:/0").ofMaxLength(18)),
            Tuple.of(1, Arbitraries.strings().withChars("ABC ,\n\r\u00e9\u0000").ofMaxLength(9)));
    }

    /** Mostly the shapes the fast path takes: 1 to 8 digits, then maybe a point and up to 8 decimals. */
    private static Arbitrary<String> usualDecimal()
    {
        return Combinators.combine(
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings().numeric().ofMaxLength(8),
            Arbitraries.integers().between(0, 3)).as((integer, fraction, point) ->
            point == 0 ? integer : integer + "." + fraction);
    }

    private static Arbitrary<String> decimal()
    {
        final Arbitrary<String> unusual = Combinators.combine(
            Arbitraries.strings().numeric().ofMaxLength(10),
            Arbitraries.strings().numeric().ofMaxLength(10),
            Arbitraries.of("", ".", ".", "..", "e")).as((integer, fraction, point) -> integer + point + fraction);
        return Arbitraries.frequencyOf(
            Tuple.of(6, usualDecimal()),
            Tuple.of(2, unusual),
            Tuple.of(1, Arbitraries.of(ODD_DECIMALS)));
    }

    /** What the reader's general path makes of each line: the parser straight after the line source. */
    private static List<String> generalPathAlone(final byte[] bytes, final boolean intern)
    {
        final BytesLineSource source = new BytesLineSource(bytes);
        final Quote quote = new Quote();
        final RowParser parser =
            MarketDataFormat.QUIETLOOP.newParser(source, quote, new Trade(), symbols(), intern, -1);
        final List<String> rows = new ArrayList<>();
        while (source.nextLine())
        {
            if (source.lineTooLong)
            {
                rows.add(source.lineNumber + " R " + RejectReason.LINE_TOO_LONG.key());
            }
            else if (source.lineStart < source.lineEnd)
            {
                final int result = parser.parse(source.lineStart, source.lineEnd);
                rows.add(source.lineNumber + " " + describe(result, quote, parser.checks.reason));
            }
        }
        return rows;
    }

    private static List<String> throughReader(final byte[] bytes, final boolean intern)
    {
        final MarketDataReader reader = new MarketDataReader(
            new BytesLineSource(bytes), MarketDataFormat.QUIETLOOP, symbols(), intern, -1, 0);
        final List<String> rows = new ArrayList<>();
        int result;
        while ((result = reader.next()) != MarketDataReader.END)
        {
            rows.add(reader.lineNumber() + " " + describe(result, reader.quote(), reader.rejectReason()));
        }
        return rows;
    }

    private static int rowsTakenByFastPath(final byte[] bytes)
    {
        final BytesLineSource source = new BytesLineSource(bytes);
        final QuietloopFastPath fastPath = new QuietloopFastPath(source, new Quote(), symbols());
        int taken = 0;
        while (true)
        {
            if (fastPath.tryNext())
            {
                taken++;
            }
            else if (!source.nextLine())
            {
                return taken;
            }
        }
    }

    private static String describe(final int result, final Quote quote, final RejectReason reason)
    {
        return result == MarketDataReader.QUOTE ? "Q " + quote : "R " + reason.key();
    }

    private static SymbolTable symbols()
    {
        final SymbolTable symbols = new SymbolTable();
        for (final String symbol : KNOWN)
        {
            symbols.intern(symbol);
        }
        return symbols;
    }
}
