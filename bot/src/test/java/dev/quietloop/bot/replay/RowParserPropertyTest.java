package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.protocol.testing.PrintCapture;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.Event;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every parser, fed random bytes and valid rows mangled every which way: nothing escapes, and
 * every line becomes exactly one tick or one rejection with a reason, the same on the start-up
 * scan as on the trading thread.
 */
class RowParserPropertyTest
{
    private static final String CSV_CHARS =
        "0123456789012345678901234567890123456789.,,,,,--+eEnNaAiIfFtTrRuUsSlLbByY :_/";
    private static final String[] FIELDS = {
        "NaN", "nan", "inf", "-Infinity", "", "99999999999999999999999", "1e999", "1e-999", "-0", "0", "1.123456789",
        "+1.5e2", " 1", "True", "false", "buy", "unknown", "x", "BTC USDT", "S".repeat(40), "0.00000001",
        "9223372036854775807", "1000000000000000000000.0" };

    @Property(tries = 1000)
    void shouldTurnRandomBytesIntoOneTickOrOneRejection(
        @ForAll final MarketDataFormat format, @ForAll("randomLines") final byte[] line)
    {
        checkOneLine(format, line);
    }

    @Property(tries = 3000)
    void shouldTurnMangledValidRowsIntoOneTickOrOneRejection(
        @ForAll final MarketDataFormat format, @ForAll("mutations") final List<Mutation> mutations)
    {
        checkOneLine(format, mangle(RejectReasonsTest.validRow(format), mutations));
    }

    @Property(tries = 100)
    void shouldCountEveryLineOnceAndRejectTheSameRowsOnScanAndReplay(
        @ForAll final MarketDataFormat format, @ForAll("mutatedRows") final List<List<Mutation>> rows)
        throws IOException
    {
        final Path dir = Files.createTempDirectory("rows");
        try
        {
            final List<String> lines = new ArrayList<>();
            lines.add(format.header());
            lines.add(RejectReasonsTest.validRow(format));
            long nonEmpty = 1;
            for (final List<Mutation> mutations : rows)
            {
                final String line = new String(mangle(RejectReasonsTest.validRow(format), mutations),
                    StandardCharsets.ISO_8859_1);
                lines.add(line);
                nonEmpty += line.isEmpty() ? 0 : 1;
            }
            final Path path = SampleFiles.lines(dir, "BTCUSDT-rows.csv", lines.toArray(new String[0]));

            final MarketDataFile file = MarketDataFile.open(path, format.cliName(), null, false,
                new PrintCapture().stream);

            assertEquals(nonEmpty, file.rows());
            assertEquals(file.rows(), file.accepted() + file.rejected());
            final long[] replayed = new long[RejectReason.values().length];
            long accepted = 0;
            try (MarketDataReader reader = file.reader())
            {
                int result;
                while ((result = reader.next()) != MarketDataReader.END)
                {
                    if (result == MarketDataReader.REJECTED)
                    {
                        replayed[reader.rejectReason().ordinal()]++;
                    }
                    else
                    {
                        accepted++;
                    }
                }
            }
            assertEquals(file.accepted(), accepted);
            for (final RejectReason reason : RejectReason.values())
            {
                assertEquals(file.rejected(reason), replayed[reason.ordinal()], reason.key());
            }
        }
        finally
        {
            try (var files = Files.list(dir))
            {
                for (final Path file : (Iterable<Path>)files::iterator)
                {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<byte[]> randomLines()
    {
        final Arbitrary<byte[]> bytes = Arbitraries.bytes().filter(b -> b != '\n' && b != '\r')
            .array(byte[].class).ofMaxSize(120);
        final Arbitrary<byte[]> csv = Arbitraries.strings().withChars(CSV_CHARS).ofMaxLength(120)
            .map(text -> text.getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(bytes, csv);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations()
    {
        return mutation().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<List<Mutation>>> mutatedRows()
    {
        return mutation().list().ofMaxSize(4).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Mutation> mutation()
    {
        return Combinators.combine(
            Arbitraries.of(Mutation.Kind.class),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.of(FIELDS),
            Arbitraries.chars().with(CSV_CHARS.toCharArray()))
            .as(Mutation::new);
    }

    private static void checkOneLine(final MarketDataFormat format, final byte[] line)
    {
        final OneLineSource source = new OneLineSource(line);
        final SymbolTable symbols = new SymbolTable();
        final RowParser parser = format.newParser(source, new Quote(), new Trade(), symbols, true, 0);

        final int result = parser.parse(0, source.length);

        if (result == MarketDataReader.REJECTED)
        {
            assertNotNull(parser.checks.reason);
            return;
        }
        assertNull(parser.checks.reason);
        if (result == MarketDataReader.QUOTE)
        {
            final Quote quote = parser.quote;
            assertTrue(quote.bidPrice() > 0 && quote.askPrice() > 0 && quote.bidSize() > 0 && quote.askSize() > 0);
            assertTrue(quote.bidPrice() <= quote.askPrice());
            assertTrue(quote.timestampNs() >= 0);
        }
        else
        {
            assertEquals(MarketDataReader.TRADE, result);
            final Trade trade = parser.trade;
            assertTrue(trade.price() > 0 && trade.quantity() > 0 && trade.timestampNs() >= 0);
            assertTrue(trade.aggressorSide() == Event.SIDE_BUY || trade.aggressorSide() == Event.SIDE_SELL ||
                trade.aggressorSide() == Trade.SIDE_UNKNOWN);
        }
    }

    private static byte[] mangle(final String valid, final List<Mutation> mutations)
    {
        final StringBuilder line = new StringBuilder(valid);
        for (final Mutation mutation : mutations)
        {
            mutation.apply(line);
        }
        return line.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One change to a line: a char deleted, doubled or replaced, a comma added, a field swapped for bad text. */
    static final class Mutation
    {
        enum Kind
        {
            DELETE, DUPLICATE, REPLACE, INSERT_COMMA, REPLACE_FIELD, APPEND_LONG
        }

        private final Kind kind;
        private final int position;
        private final String field;
        private final char replacement;

        Mutation(final Kind kind, final int position, final String field, final char replacement)
        {
            this.kind = kind;
            this.position = position;
            this.field = field;
            this.replacement = replacement;
        }

        void apply(final StringBuilder line)
        {
            final int at = line.length() == 0 ? 0 : position % line.length();
            switch (kind)
            {
                case DELETE:
                    if (line.length() > 0)
                    {
                        line.deleteCharAt(at);
                    }
                    break;
                case DUPLICATE:
                    if (line.length() > 0)
                    {
                        line.insert(at, line.charAt(at));
                    }
                    break;
                case REPLACE:
                    if (line.length() > 0)
                    {
                        line.setCharAt(at, replacement);
                    }
                    break;
                case INSERT_COMMA:
                    line.insert(at, ',');
                    break;
                case REPLACE_FIELD:
                    final String[] fields = line.toString().split(",", -1);
                    fields[position % fields.length] = field;
                    line.setLength(0);
                    line.append(String.join(",", fields));
                    break;
                default:
                    line.append("7".repeat(LineSource.MAX_LINE_BYTES));
                    break;
            }
        }

        @Override
        public String toString()
        {
            return kind + "@" + position + "(" + field + "|" + replacement + ")";
        }
    }
}
