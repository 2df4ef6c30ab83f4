package dev.quietloop.bot.replay;

import static dev.quietloop.bot.replay.SampleFiles.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.testing.PrintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceAggTradesFormatTest
{
    private static final String FUTURES_HEADER =
        "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker";

    @TempDir
    Path dir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldReadHeaderlessSpotFileWithMillisecondTimesAndAggressorFromBuyerMaker() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BNBBTC-aggTrades-2017-07-01.csv",
            "26129,0.01633102,4.70443515,27781,27781,1498793709153,True,True",
            "26130,0.01634790,0.01543700,27782,27783,1498793709160,False,True");

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(MarketDataFormat.BINANCE_AGGTRADES, file.format());
        assertEquals("BNBBTC", file.symbol(0));
        assertEquals(List.of(
            "1: T BNBBTC 1498793709153000000 470443515@1633102 -1",
            "2: T BNBBTC 1498793709160000000 1543700@1634790 1"), replay(file));
    }

    @Test
    void shouldTellMicrosecondTimesOfSpotFilesFrom2025ByTheirMagnitude() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BTCUSDT-aggTrades-2025-01-01.csv",
            "3347311401,93576.00000000,0.00042000,4345367101,4345367101,1735689600006,true,true",
            "3347311402,93576.01000000,0.00100000,4345367102,4345367103,1735689600006745,false,true");

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(List.of(
            "1: T BTCUSDT 1735689600006000000 42000@9357600000000 -1",
            "2: T BTCUSDT 1735689600006745000 100000@9357601000000 1"), replay(file));
    }

    @Test
    void shouldReadFuturesFileWithItsHeaderAndSevenColumns() throws IOException
    {
        final Path plain = SampleFiles.lines(dir, "plain.csv", FUTURES_HEADER,
            "2018537163,42314.00,0.003,4434428040,4434428040,1704067200019,true");
        final Path gzip = SampleFiles.gzip(plain, "BTCUSDT-aggTrades-2024-01-01.csv.gz");

        final MarketDataFile file = MarketDataFile.open(gzip, null, null, true, err.stream);

        assertTrue(file.compressed());
        assertEquals(List.of("2: T BTCUSDT 1704067200019000000 300000@4231400000000 -1"), replay(file));
    }

    @Test
    void shouldDetectHeaderlessFuturesRowBySevenFieldsEndingInBoolean() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BTCUSDT-aggTrades-2020-01-01.csv",
            "2018537163,7195.24,0.003,4434428040,4434428040,1577836800019,False");

        final MarketDataFile file = MarketDataFile.open(path, null, null, true, err.stream);

        assertEquals(MarketDataFormat.BINANCE_AGGTRADES, file.format());
        assertEquals(1, file.accepted());
    }

    @Test
    void shouldRejectBooleanThatIsNoneOfTheFourSpellings() throws IOException
    {
        final Path path = SampleFiles.lines(dir, "BTCUSDT-aggTrades-2024-01-01.csv",
            "1,100.0,1.0,1,1,1704067200019,True,True",
            "2,100.0,1.0,2,2,1704067200020,TRUE,True",
            "3,100.0,1.0,3,3,1704067200021,True,1");

        final MarketDataFile file = MarketDataFile.open(path, null, null, false, err.stream);

        assertEquals(2, file.rejected(RejectReason.BAD_VALUE));
        assertEquals(List.of(
            "1: T BTCUSDT 1704067200019000000 100000000@10000000000 -1", "2: R badValue", "3: R badValue"),
            replay(file));
    }
}
