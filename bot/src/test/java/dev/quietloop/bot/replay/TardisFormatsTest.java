package dev.quietloop.bot.replay;

import static dev.quietloop.bot.replay.SampleFiles.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.testing.PrintCapture;
import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TardisFormatsTest
{
    private static final String QUOTES_HEADER =
        "exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount";
    private static final String TRADES_HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    @TempDir
    Path dir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldReadQuotesAskColumnsFirstTimedByLocalTimestamp() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "binance-futures_quotes_2020-09-12_BTCUSDT.csv", QUOTES_HEADER,
            "binance-futures,BTCUSDT,1599868800206000,1599868800253274,2.974,10342.81,10342.8,0.019",
            "deribit,BTC-PERPETUAL,1599868800201000,1599868800253275,1200,10346.5,10346,2000");

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(MarketDataFormat.TARDIS_QUOTES, file.format());
        assertEquals(2, file.symbolCount());
        assertEquals(List.of(
            "2: Q BTCUSDT 1599868800253274000 1900000@1034280000000 297400000@1034281000000",
            "3: Q BTC-PERPETUAL 1599868800253275000 200000000000@1034600000000 120000000000@1034650000000"),
            replay(file));
    }

    @Test
    void shouldReadTradesWithAnyTextAsIdAndTheSideAsAggressor() throws IOException
    {
        final Path plain = SampleFiles.lines(dir, "plain.csv", TRADES_HEADER,
            "bitmex,XBTUSD,1585699209920000,1585699209934201,2dfd9d22-0dc3-4d74-8c55-e6fd1dd81d23,sell,6425.5,1000",
            "binance,btcusdt,1585699209921000,1585699209934202,,buy,6425.51,0.5e-2",
            "coinbase,BTC-USD,1585699209922000,1585699209934203,87512601,unknown,6425.6,0.1");
        final Path gzip = SampleFiles.gzip(plain, "tardis_trades.csv.gz");

        final MarketDataFile file = MarketDataFile.open(gzip, null, null, true, err.stream);

        assertEquals(MarketDataFormat.TARDIS_TRADES, file.format());
        assertEquals(List.of(
            "2: T XBTUSD 1585699209934201000 100000000000@642550000000 -1",
            "3: T btcusdt 1585699209934202000 500000@642551000000 1",
            "4: T BTC-USD 1585699209934203000 10000000@642560000000 0"), replay(file));
    }

    @Test
    void shouldRejectSideThatIsNotBuySellOrUnknown() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "trades.csv", TRADES_HEADER,
            "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,Buy,6425.5,1000",
            "bitmex,XBTUSD,1585699209920000,1585699209934201,a2,sell,6425.5,1000");

        final MarketDataFile file = MarketDataFile.open(path, null, null, false, err.stream);

        assertEquals(1, file.rejected(RejectReason.BAD_VALUE));
        assertTrue(err.text().contains(":2: skipped row (badValue): side 'Buy'"), err.text());
    }

    @Test
    void shouldRefuseSymbolOptionForTardisFiles() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "trades.csv", TRADES_HEADER,
            "bitmex,XBTUSD,1585699209920000,1585699209934201,a1,buy,6425.5,1000");

        final ConfigException ex = assertThrows(ConfigException.class,
            () -> MarketDataFile.open(path, null, "XBTUSD", false, err.stream));

        assertEquals("--symbol: tardis-trades files carry their own symbols", ex.getMessage());
    }
}
