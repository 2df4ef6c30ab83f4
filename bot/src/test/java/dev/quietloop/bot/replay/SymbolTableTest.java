package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class SymbolTableTest
{
    private final SymbolTable table = new SymbolTable();

    @Test
    void shouldGiveDenseIdsInOrderOfFirstAppearanceAndFindThemAgain()
    {
        assertEquals(0, intern("BTCUSDT"));
        assertEquals(1, intern("ETH-USD"));
        assertEquals(0, intern("BTCUSDT"));

        assertEquals(1, lookup("ETH-USD"));
        assertEquals("ETH-USD", table.name(1));
        assertEquals(2, table.count());
    }

    @Test
    void shouldNotFindSymbolNeverInternedNorOneThatOnlySharesAPrefix()
    {
        intern("BTCUSDT");

        assertEquals(-1, lookup("BTCUSD"));
        assertEquals(-1, lookup("BTCUSDTX"));
        assertEquals(-1, lookup("btcusdt"));
        assertEquals(-1, lookup(""));
    }

    @Test
    void shouldRefuseNewSymbolsWhenFullButStillFindOldOnes()
    {
        for (int i = 0; i < SymbolTable.CAPACITY; i++)
        {
            assertEquals(i, intern("S" + i));
        }

        assertEquals(-1, intern("ONE-MORE"));
        assertEquals(SymbolTable.CAPACITY - 1, lookup("S" + (SymbolTable.CAPACITY - 1)));
        assertEquals(123, intern("S123"));
    }

    @Test
    void shouldFindLongSymbolsWordByWordEvenAtTheBufferEnd()
    {
        final String longest = "ABCDEFGH/IJKLMNOP:QRSTUVWX_YZ0123";
        assertEquals(0, intern(longest.substring(0, 32)));
        assertEquals(1, intern(longest.substring(0, 9)));
        final byte[] atEnd = longest.substring(0, 9).getBytes(StandardCharsets.US_ASCII);

        assertEquals(0, lookup(longest.substring(0, 32)));
        assertEquals(1, table.lookup(new UnsafeBuffer(atEnd), 0, atEnd.length));
        assertEquals(-1, lookup(longest.substring(0, 31)));
        assertEquals(-1, lookup(longest.substring(0, 8)));
    }

    @Test
    void shouldAcceptOnlySymbolCharactersUpToThirtyTwo()
    {
        assertTrue(SymbolTable.isSymbol("BTC-PERPETUAL"));
        assertTrue(SymbolTable.isSymbol("BTC/USD:USD"));
        assertTrue(SymbolTable.isSymbol("btc_usdt.p"));
        assertTrue(SymbolTable.isSymbol("S".repeat(32)));
        assertFalse(SymbolTable.isSymbol("S".repeat(33)));
        assertFalse(SymbolTable.isSymbol(""));
        assertFalse(SymbolTable.isSymbol("BTC USDT"));
        assertFalse(SymbolTable.isSymbol("BTC,USDT"));
        assertFalse(SymbolTable.isSymbol("BTC\u00e9"));
    }

    private int intern(final String symbol)
    {
        return table.intern(symbol);
    }

    private int lookup(final String symbol)
    {
        final byte[] bytes = ("xx," + symbol + ",yy").getBytes(StandardCharsets.US_ASCII);
        return table.lookup(new UnsafeBuffer(bytes), 3, symbol.length());
    }
}
