package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteParserTest
{
    private final QuoteParser parser = new QuoteParser();

    @Test
    void shouldParseValidRowIntoExactFixedPoint()
    {
        final byte[] row = bytes("1700000000000231130,BTCUSDT,30000.98,4.6919,30001.01,0.00000001");

        assertNull(parser.parse(row, 0, row.length));
        assertEquals(1_700_000_000_000_231_130L, parser.timestampNs);
        assertEquals("BTCUSDT", parser.symbol(row));
        assertEquals(3_000_098_000_000L, parser.bidPrice);
        assertEquals(469_190_000L, parser.bidSize);
        assertEquals(3_000_101_000_000L, parser.askPrice);
        assertEquals(1L, parser.askSize);
    }

    @Test
    void shouldParseDecimalsExactlyWithoutDoubles()
    {
        assertEquals(500_000_000L, fixed("5"));
        assertEquals(10_000_000L, fixed("0.1"));
        assertEquals(12_345_678_912_345_678L, fixed("123456789.12345678"));
        assertEquals(-150_000_000L, fixed("-1.5"));
        assertEquals(0L, fixed("0.00000000"));
        assertEquals(QuoteParser.INVALID, fixed("1.123456789"), "more than 8 decimals");
        assertEquals(QuoteParser.INVALID, fixed("1."));
        assertEquals(QuoteParser.INVALID, fixed(".5"));
        assertEquals(QuoteParser.INVALID, fixed(""));
        assertEquals(QuoteParser.INVALID, fixed("1e5"));
        assertEquals(QuoteParser.INVALID, fixed("99999999999999"), "beyond the fixed-point range");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1,BTCUSDT,100.0,1.0,100.5",
        "1,BTCUSDT,100.0,1.0,100.5,1.0,7",
        "x1,BTCUSDT,100.0,1.0,100.5,1.0",
        "-1,BTCUSDT,100.0,1.0,100.5,1.0",
        "1,BTC USDT,100.0,1.0,100.5,1.0",
        "1,,100.0,1.0,100.5,1.0",
        "1,BTCUSDT,abc,1.0,100.5,1.0",
        "1,BTCUSDT,100.0,1.0,100.5,NaN",
        "1,BTCUSDT,100.0,-1.0,100.5,1.0",
        "1,BTCUSDT,100.0,1.0,100.5,0",
        "1,BTCUSDT,0,1.0,100.5,1.0",
        "1,BTCUSDT,100.6,1.0,100.5,1.0",
    })
    void shouldRejectMalformedRowWithReason(final String text)
    {
        final byte[] row = bytes(text);
        final String reason = parser.parse(row, 0, row.length);

        assertNotNull(reason, text);
    }

    @Test
    void shouldNameTheProblemOfARejectedRow()
    {
        assertTrue(reason("1,BTCUSDT,100.0,1.0,100.5").contains("expected 6 fields, found 5"));
        assertTrue(reason("1,BTCUSDT,100.0,-1.0,100.5,1.0").contains("bid_size must be positive"));
        assertTrue(reason("1,BTCUSDT,100.6,1.0,100.5,1.0").contains("bid_price 100.6 > ask_price 100.5"));
        assertTrue(reason("1,BTCUSDT,100.0,1.0,x,1.0").contains("bad ask_price 'x'"));
    }

    private String reason(final String text)
    {
        final byte[] row = bytes(text);
        return parser.parse(row, 0, row.length);
    }

    private static long fixed(final String text)
    {
        final byte[] bytes = bytes(text);
        return QuoteParser.parseFixedPoint(bytes, 0, bytes.length);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
