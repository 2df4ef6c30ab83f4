package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;

class MarketDataFormatTest
{
    @Test
    void shouldListCliNamesInOrder()
    {
        assertEquals("quietloop, binance-bookticker, binance-aggtrades, tardis-quotes, tardis-trades",
            MarketDataFormat.names());
    }

    @Test
    void shouldFindFormatByCliNameIgnoringCase()
    {
        for (final MarketDataFormat format : MarketDataFormat.values())
        {
            assertEquals(format, MarketDataFormat.byName(format.cliName()));
        }
        assertEquals(MarketDataFormat.TARDIS_QUOTES, MarketDataFormat.byName("Tardis-Quotes"));
    }

    @Test
    void shouldRefuseUnknownNameListingKnownOnes()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> MarketDataFormat.byName("kraken"));

        assertEquals("--format: unknown format 'kraken' (known: " + MarketDataFormat.names() + ")", ex.getMessage());
    }

    @Test
    void shouldDetectEveryHeaderAndHeaderlessBinanceRows()
    {
        for (final MarketDataFormat format : MarketDataFormat.values())
        {
            assertEquals(format, FormatDetector.detect(format.header()));
        }
        assertEquals(MarketDataFormat.BINANCE_BOOKTICKER,
            FormatDetector.detect("4225830617,42313.90,7.624,42314.00,4.417,1704067200008,1704067200014"));
        assertEquals(MarketDataFormat.BINANCE_AGGTRADES,
            FormatDetector.detect("26129,0.01633102,4.70443515,27781,27781,1498793709153,True,True"));
        assertEquals(MarketDataFormat.BINANCE_AGGTRADES,
            FormatDetector.detect("2018537163,7195.24,0.003,4434428040,4434428040,1577836800019,false"));
        assertNull(FormatDetector.detect("4225830617,42313.90,7.624,42314.00,4.417,1704067200008"));
        assertNull(FormatDetector.detect("4225830617,42313.90,7.624,42314.00,4.417,1704067200008,NaN"));
        assertNull(FormatDetector.detect("timestamp_ns,symbol,bid_price,bid_size,ask_price"));
    }
}
