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
        final byte[] bytes = ("xx," + symbol).getBytes(StandardCharsets.US_ASCII);
        int hash = 0;
        for (int i = 3; i < bytes.length; i++)
        {
            hash = SymbolTable.hashStep(hash, bytes[i]);
        }
        return table.lookup(new UnsafeBuffer(bytes), 3, bytes.length - 3, hash);
    }
}
