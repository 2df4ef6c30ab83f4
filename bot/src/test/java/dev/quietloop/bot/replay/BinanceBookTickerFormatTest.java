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

class BinanceBookTickerFormatTest
{
    private static final String HEADER =
        "update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time";
    private static final String ROW_1 = "4225830617,42313.90,7.624,42314.00,4.417,1704067200008,1704067200014";
    private static final String ROW_2 = "4225830631,42313.90,7.524,42313.90,0.002,1704067200011,1704067200016";
    private static final List<String> TICKS = List.of(
        "2: Q BTCUSDT 1704067200008000000 762400000@4231390000000 441700000@4231400000000",
        "3: Q BTCUSDT 1704067200011000000 752400000@4231390000000 200000@4231390000000");

    @TempDir
    Path dir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldReadQuotesTimedByTransactionTimeWithSymbolFromFileName() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BTCUSDT-bookTicker-2024-01-01.csv", HEADER, ROW_1, ROW_2);

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(MarketDataFormat.BINANCE_BOOKTICKER, file.format());
        assertEquals(1, file.symbolCount());
        assertEquals(TICKS, replay(file));
        assertEquals(1_704_067_200_008_000_000L, file.firstTimestampNs());
    }

    @Test
    void shouldDetectHeaderlessFileBySevenNumericFields() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BTCUSDT-bookTicker-2023-05-01.csv", ROW_1, ROW_2);

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(MarketDataFormat.BINANCE_BOOKTICKER, file.format());
        assertEquals(List.of(TICKS.get(0).replace("2: ", "1: "), TICKS.get(1).replace("3: ", "2: ")), replay(file));
    }

    @Test
    void shouldReadGzipFileAsDownloaded() throws IOException
    {
        final Path plain = SampleFiles.lines(dir, "plain.csv", HEADER, ROW_1, ROW_2);
        final Path gzip = SampleFiles.gzip(plain, "BTCUSDT-bookTicker-2024-01-01.csv.gz");

        final MarketDataFile file = MarketDataFile.open(gzip, null, null, true, err.stream);

        assertTrue(file.compressed());
        assertEquals(TICKS, replay(file));
    }

    @Test
    void shouldPreferSymbolOptionToFileName() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BTCUSDT-bookTicker-2024-01-01.csv", HEADER, ROW_1);

        final MarketDataFile file = MarketDataFile.open(path, null, "BTCUSDT_PERP", true, err.stream);

        assertEquals("BTCUSDT_PERP", file.symbol(0));
        assertEquals(1, file.symbolCount());
    }

    @Test
    void shouldRefuseFileWhoseNameGivesNoSymbolWithoutSymbolOption() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "2024-01-01.csv", HEADER, ROW_1);

        final ConfigException ex = assertThrows(ConfigException.class,
            () -> MarketDataFile.open(path, null, null, true, err.stream));

        assertTrue(ex.getMessage().startsWith(path + ": --symbol SYMBOL is needed for binance-bookticker files"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseSymbolOptionThatIsNoSymbol() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BTCUSDT-bookTicker-2024-01-01.csv", HEADER, ROW_1);

        final ConfigException ex = assertThrows(ConfigException.class,
            () -> MarketDataFile.open(path, null, "BTC USDT", true, err.stream));

        assertTrue(ex.getMessage().startsWith("--symbol 'BTC USDT': not a symbol"), ex.getMessage());
    }

    @Test
    void shouldReadHeaderlessFirstLineAsDataWhenFormatIsGiven() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "ETHUSDT-bookTicker-2023-05-01.csv", ROW_1);

        final MarketDataFile file = MarketDataFile.open(path, "binance-bookticker", null, true, err.stream);

        assertEquals(1, file.accepted());
        assertEquals("ETHUSDT", file.symbol(0));
    }
}
