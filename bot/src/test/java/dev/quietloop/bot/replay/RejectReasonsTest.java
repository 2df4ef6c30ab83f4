package dev.quietloop.bot.replay;

import static dev.quietloop.bot.replay.MarketDataFormat.BINANCE_AGGTRADES;
import static dev.quietloop.bot.replay.MarketDataFormat.BINANCE_BOOKTICKER;
import static dev.quietloop.bot.replay.MarketDataFormat.QUIETLOOP;
import static dev.quietloop.bot.replay.MarketDataFormat.TARDIS_QUOTES;
import static dev.quietloop.bot.replay.MarketDataFormat.TARDIS_TRADES;
import static dev.quietloop.bot.replay.RejectReason.BAD_SYMBOL;
import static dev.quietloop.bot.replay.RejectReason.BAD_VALUE;
import static dev.quietloop.bot.replay.RejectReason.CROSSED_BOOK;
import static dev.quietloop.bot.replay.RejectReason.FIELD_COUNT;
import static dev.quietloop.bot.replay.RejectReason.LINE_TOO_LONG;
import static dev.quietloop.bot.replay.RejectReason.NON_POSITIVE_PRICE;
import static dev.quietloop.bot.replay.RejectReason.NON_POSITIVE_SIZE;
import static dev.quietloop.bot.replay.RejectReason.NOT_A_NUMBER;
import static dev.quietloop.bot.replay.RejectReason.NOT_FINITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import dev.quietloop.protocol.testing.PrintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RejectReasonsTest
{
    private static final String LONG = "x".repeat(LineSource.MAX_LINE_BYTES);

    @TempDir
    Path dir;

    static Stream<Arguments> badRows()
    {
        return Stream.of(
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5", FIELD_COUNT),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5,1.0,7", FIELD_COUNT),
            row(QUIETLOOP, "10,BTCUSDT,abc,1.0,100.5", FIELD_COUNT),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5,1.0,", FIELD_COUNT),
            row(QUIETLOOP, "10,BTCUSDT,abc,1.0,100.5,1.0", NOT_A_NUMBER),
            row(QUIETLOOP, "x10,BTCUSDT,100.0,1.0,100.5,1.0", NOT_A_NUMBER),
            row(QUIETLOOP, "-10,BTCUSDT,100.0,1.0,100.5,1.0", NOT_A_NUMBER),
            row(QUIETLOOP, "10,BTCUSDT,,1.0,100.5,1.0", NOT_A_NUMBER),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.123456789,100.5,1.0", NOT_A_NUMBER),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5,1e400", NOT_A_NUMBER),
            row(QUIETLOOP, "10,BTCUSDT,100000000000,1.0,100.5,1.0", NOT_A_NUMBER),
            row(QUIETLOOP, "99999999999999999999,BTCUSDT,100.0,1.0,100.5,1.0", NOT_A_NUMBER),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5,1..0", NOT_A_NUMBER),
            row(QUIETLOOP, "10,BTCUSDT,NaN,1.0,100.5,1.0", NOT_FINITE),
            row(QUIETLOOP, "10,BTCUSDT,100.0,nan,100.5,1.0", NOT_FINITE),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,inf,1.0", NOT_FINITE),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5,-Infinity", NOT_FINITE),
            row(QUIETLOOP, "10,BTCUSDT,100.0,-1.0,100.5,1.0", NON_POSITIVE_SIZE),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5,0", NON_POSITIVE_SIZE),
            row(QUIETLOOP, "10,BTCUSDT,0,1.0,100.5,1.0", NON_POSITIVE_PRICE),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,-0.5,1.0", NON_POSITIVE_PRICE),
            row(QUIETLOOP, "10,BTCUSDT,100.6,1.0,100.5,1.0", CROSSED_BOOK),
            row(QUIETLOOP, "10,BTC USDT,100.0,1.0,100.5,1.0", BAD_SYMBOL),
            row(QUIETLOOP, "10,,100.0,1.0,100.5,1.0", BAD_SYMBOL),
            row(QUIETLOOP, "10," + "S".repeat(33) + ",100.0,1.0,100.5,1.0", BAD_SYMBOL),
            row(QUIETLOOP, "10,BTC\u00e9,100.0,1.0,100.5,1.0", BAD_SYMBOL),
            row(QUIETLOOP, "10,BTCUSDT,100.0,1.0,100.5,1.0," + LONG, LINE_TOO_LONG),

            row(BINANCE_BOOKTICKER, "4225830617,42313.90,7.624,42314.00,4.417,1704067200008", FIELD_COUNT),
            row(BINANCE_BOOKTICKER, "4225830617,42313.90,7.624,42314.00,4.417,1704067200008,1704067200014,1", FIELD_COUNT),
            row(BINANCE_BOOKTICKER, "x,42313.90,7.624,42314.00,4.417,1704067200008,1704067200014", NOT_A_NUMBER),
            row(BINANCE_BOOKTICKER, "4225830617,42313.90,7.624,42314.00,4.417,1704067200008.5,1704067200014", NOT_A_NUMBER),
            row(BINANCE_BOOKTICKER, "4225830617,42313.90,7.624,42314.00,4.417,99999999999999999,1704067200014", NOT_A_NUMBER),
            row(BINANCE_BOOKTICKER, "4225830617,NaN,7.624,42314.00,4.417,1704067200008,1704067200014", NOT_FINITE),
            row(BINANCE_BOOKTICKER, "4225830617,42313.90,0.000,42314.00,4.417,1704067200008,1704067200014", NON_POSITIVE_SIZE),
            row(BINANCE_BOOKTICKER, "4225830617,42313.90,7.624,0.00,4.417,1704067200008,1704067200014", NON_POSITIVE_PRICE),
            row(BINANCE_BOOKTICKER, "4225830617,42314.10,7.624,42314.00,4.417,1704067200008,1704067200014", CROSSED_BOOK),
            row(BINANCE_BOOKTICKER, "4225830617,42313.90,7.624,42314.00,4.417,1704067200008," + LONG, LINE_TOO_LONG),

            row(BINANCE_AGGTRADES, "26129,0.01633102,4.70443515,27781,27781,1498793709153", FIELD_COUNT),
            row(BINANCE_AGGTRADES, "26129,0.01633102,4.70443515,27781,27781,1498793709153,True,True,True", FIELD_COUNT),
            row(BINANCE_AGGTRADES, "26129,0.0163310x,4.70443515,27781,27781,1498793709153,True,True", NOT_A_NUMBER),
            row(BINANCE_AGGTRADES, "26129,0.01633102,4.70443515,27781,27781,,True,True", NOT_A_NUMBER),
            row(BINANCE_AGGTRADES, "26129,0.01633102,inf,27781,27781,1498793709153,True,True", NOT_FINITE),
            row(BINANCE_AGGTRADES, "26129,0.01633102,0,27781,27781,1498793709153,True,True", NON_POSITIVE_SIZE),
            row(BINANCE_AGGTRADES, "26129,-0.01633102,4.70443515,27781,27781,1498793709153,True,True", NON_POSITIVE_PRICE),
            row(BINANCE_AGGTRADES, "26129,0.01633102,4.70443515,27781,27781,1498793709153,yes,True", BAD_VALUE),
            row(BINANCE_AGGTRADES, "26129,0.01633102,4.70443515,27781,27781,1498793709153,True,", BAD_VALUE),
            row(BINANCE_AGGTRADES, "26129,0.01633102,4.70443515,27781,27781,1498793709153,True,True" + LONG, LINE_TOO_LONG),

            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,10346", FIELD_COUNT),
            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,10346,", NOT_A_NUMBER),
            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,x,1200,10346.5,10346,2000", NOT_A_NUMBER),
            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,NAN,10346,2000", NOT_FINITE),
            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,0,10346.5,10346,2000", NON_POSITIVE_SIZE),
            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,0,2000", NON_POSITIVE_PRICE),
            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,10347,2000", CROSSED_BOOK),
            row(TARDIS_QUOTES, "deribit,BTC PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,10346,2000", BAD_SYMBOL),
            row(TARDIS_QUOTES, "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,10346," + LONG, LINE_TOO_LONG),

            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,6425.5", FIELD_COUNT),
            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,6425.5,1000,1", FIELD_COUNT),
            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,6425.5,1 000", NOT_A_NUMBER),
            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,Infinity,1000", NOT_FINITE),
            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,6425.5,-1000", NON_POSITIVE_SIZE),
            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,0.0,1000", NON_POSITIVE_PRICE),
            row(TARDIS_TRADES, "bitmex,XBT|USD,1585699209920000,1585699209934201,a1,sell,6425.5,1000", BAD_SYMBOL),
            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,short,6425.5,1000", BAD_VALUE),
            row(TARDIS_TRADES, "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,6425.5,1000" + LONG, LINE_TOO_LONG));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badRows")
    void shouldRejectRowForItsReasonAndCountIt(final MarketDataFormat format, final String row,
        final RejectReason reason) throws IOException
    {
        final String header = format == BINANCE_AGGTRADES ? null : format.header();
        final Path path = header != null ?
            SampleFiles.lines(dir, "BTCUSDT-data.csv", header, validRow(format), row) :
            SampleFiles.lines(dir, "BTCUSDT-data.csv", validRow(format), row);
        final long badLine = header != null ? 3 : 2;
        final PrintCapture err = new PrintCapture();

        final MarketDataFile file = MarketDataFile.open(path, format.cliName(), null, false, err.stream);

        assertEquals(2, file.rows());
        assertEquals(1, file.accepted());
        assertEquals(1, file.rejected());
        assertEquals(1, file.rejected(reason));
        assertEquals(badLine + ": R " + reason.key(), SampleFiles.replay(file).get(1));
        assertTrue(err.text().startsWith(path + ":" + badLine + ": skipped row (" + reason.key() + "): "), err.text());
    }

    @Test
    void shouldHaveRowsForEveryRejectReason()
    {
        final Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
        badRows().forEach(arguments -> reasons.add((RejectReason)arguments.get()[2]));

        assertEquals(EnumSet.allOf(RejectReason.class), reasons);
    }

    static String validRow(final MarketDataFormat format)
    {
        switch (format)
        {
            case QUIETLOOP:
                return "10,BTCUSDT,100.0,1.0,100.5,1.0";
            case BINANCE_BOOKTICKER:
                return "4225830617,42313.90,7.624,42314.00,4.417,1704067200008,1704067200014";
            case BINANCE_AGGTRADES:
                return "26129,0.01633102,4.70443515,27781,27781,1498793709153,True,True";
            case TARDIS_QUOTES:
                return "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,10346,2000";
            default:
                return "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,sell,6425.5,1000";
        }
    }

    private static Arguments row(final MarketDataFormat format, final String row, final RejectReason reason)
    {
        return Arguments.of(format, row, reason);
    }
}
