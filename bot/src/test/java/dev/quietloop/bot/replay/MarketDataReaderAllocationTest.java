package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.quietloop.protocol.testing.PrintCapture;
import dev.quietloop.wire.testing.Allocations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trading thread's replay allocates nothing per row, for every format, plain or gzip: after a
 * warm-up of 100,000 rows, batches of 20,000 more rows are read while the thread's allocated bytes
 * are watched.
 */
class MarketDataReaderAllocationTest
{
    private static final int WARM_UP_ROWS = 100_000;
    private static final int BATCH_ROWS = 20_000;
    private static final int BATCHES = 5;

    @TempDir
    Path dir;

    private long checksum;

    static Stream<Arguments> files()
    {
        return Stream.of(MarketDataFormat.values())
            .flatMap(format -> Stream.of(Arguments.of(format, false), Arguments.of(format, true)));
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("files")
    void shouldAllocateNothingPerRowInSteadyState(final MarketDataFormat format, final boolean gzip) throws IOException
    {
        final int rows = WARM_UP_ROWS + BATCHES * BATCH_ROWS;
        final MarketDataFile file = MarketDataFile.open(
            SampleFiles.generated(dir, format, rows, gzip), null, null, true, new PrintCapture().stream);
        try (MarketDataReader reader = file.reader())
        {
            assertEquals(WARM_UP_ROWS, read(reader, WARM_UP_ROWS));

            final long bytes = Allocations.fewestBytes(() -> read(reader, BATCH_ROWS), BATCHES);

            assertEquals(0, bytes, "bytes allocated reading " + BATCH_ROWS + " rows of " + format.cliName());
        }
    }

    private int read(final MarketDataReader reader, final int rows)
    {
        int ticks = 0;
        for (int i = 0; i < rows; i++)
        {
            final int result = reader.next();
            if (result == MarketDataReader.QUOTE)
            {
                checksum += reader.quote().bidPrice();
                ticks++;
            }
            else if (result == MarketDataReader.TRADE)
            {
                checksum += reader.trade().price();
                ticks++;
            }
        }
        return ticks;
    }
}
