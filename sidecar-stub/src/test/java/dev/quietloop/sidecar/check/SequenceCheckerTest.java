package dev.quietloop.sidecar.check;

import java.util.SplittableRandom;

import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.wire.testing.Allocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceCheckerTest
{
    private static final int SOURCE = 7;
    private static final long EPOCH = 0x5EED_CAFEL;

    private final CounterRegistry counters = new CounterRegistry(8);
    private final SequenceChecker checker = new SequenceChecker(counters);

    /** One stream's events ({@code 5}) and ends ({@code end5}), in the order they arrive. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        in order, then its end                | 1 2 3 4 5 end5 | 0 | 0 | true
        a jump adds the missing count         | 1 2 5 6        | 2 | 0 | false
        a first sequence above one            | 4              | 3 | 0 | false
        a repeat or a step back moves nothing | 1 2 2 1 3      | 0 | 2 | false
        the tail missing at its end           | 1 2 3 end5     | 2 | 0 | true
        only its end                          | end9           | 9 | 0 | true
        a second end is ignored               | 1 end2 end4    | 1 | 0 | true
        an event after its end                | 1 end3 2       | 2 | 1 | true
        """)
    void shouldCountGapsAndDuplicatesOfOneStream(
        final String what, final String arrivals, final long gaps, final long duplicates, final boolean ended)
    {
        for (final String arrival : arrivals.split(" "))
        {
            if (arrival.startsWith("end"))
            {
                checker.onEndOfStream(SOURCE, EPOCH, Long.parseLong(arrival.substring(3)));
            }
            else
            {
                checker.onEvent(SOURCE, EPOCH, Long.parseLong(arrival));
            }
        }

        assertEquals(gaps, checker.gaps());
        assertEquals(duplicates, checker.duplicates());
        assertEquals(1, checker.streams());
        assertEquals(ended ? 1 : 0, checker.streamsEnded());
        assertEquals(ended, checker.allStreamsEnded());
    }

    @Test
    void shouldKeepSourcesAndEpochsIndependent()
    {
        final long otherEpoch = EPOCH + 1;
        checker.onEvent(SOURCE, EPOCH, 1);
        checker.onEvent(SOURCE, EPOCH, 2);
        checker.onEvent(SOURCE + 1, EPOCH, 1);
        checker.onEvent(SOURCE, otherEpoch, 1);
        checker.onEvent(SOURCE + 1, EPOCH, 2);
        checker.onEvent(SOURCE, otherEpoch, 2);
        checker.onEvent(SOURCE, EPOCH, 3);

        assertEquals(0, checker.gaps());
        assertEquals(0, checker.duplicates());
        assertEquals(3, checker.streams());

        checker.onEndOfStream(SOURCE, EPOCH, 3);
        checker.onEndOfStream(SOURCE + 1, EPOCH, 4);

        assertEquals(2, checker.gaps());
        assertEquals(2, checker.streamsEnded());
    }

    @Test
    void shouldSayAllStreamsEndedOnlyOnceEveryStreamSeenHasEnded()
    {
        assertFalse(checker.allStreamsEnded());

        checker.onEvent(SOURCE, EPOCH, 1);
        checker.onEvent(SOURCE + 1, EPOCH, 1);
        checker.onEndOfStream(SOURCE, EPOCH, 1);
        assertFalse(checker.allStreamsEnded());

        checker.onEndOfStream(SOURCE + 1, EPOCH, 1);
        assertTrue(checker.allStreamsEnded());
    }

    @Test
    void shouldKeepEachStreamWhenMoreStreamsArriveThanTheTableFirstHolds()
    {
        final int streams = StreamTable.INITIAL_CAPACITY * 8;
        for (long sequence = 1; sequence <= 3; sequence++)
        {
            for (int source = 0; source < streams; source++)
            {
                checker.onEvent(source, source * 1_000_003L, sequence);
            }
        }
        for (int source = 0; source < streams; source++)
        {
            checker.onEndOfStream(source, source * 1_000_003L, 3);
        }

        assertEquals(streams, checker.streams());
        assertEquals(streams, checker.streamsEnded());
        assertEquals(0, checker.gaps());
        assertEquals(0, checker.duplicates());
    }

    @Test
    void shouldSatisfyReceivedMinusDuplicatesPlusGapsEqualsProduced()
    {
        final SplittableRandom random = new SplittableRandom(42);
        long produced = 0;
        long received = 0;
        for (int source = 1; source <= 4; source++)
        {
            for (long epoch = 100; epoch < 102; epoch++)
            {
                final long streamProduced = 500 + random.nextInt(500);
                produced += streamProduced;
                for (long sequence = 1; sequence <= streamProduced; sequence++)
                {
                    final int roll = random.nextInt(10);
                    if (roll == 0)
                    {
                        continue;
                    }
                    checker.onEvent(source, epoch, sequence);
                    received++;
                    if (roll == 1)
                    {
                        checker.onEvent(source, epoch, sequence - random.nextInt((int)sequence));
                        received++;
                    }
                }
                checker.onEndOfStream(source, epoch, streamProduced);
            }
        }

        assertTrue(checker.gaps() > 0);
        assertTrue(checker.duplicates() > 0);
        assertEquals(produced, received - checker.duplicates() + checker.gaps());
        assertEquals(8, checker.streamsEnded());
    }

    @Test
    void shouldNotAllocateOnceStreamsAreKnown()
    {
        long sequence = 1;
        for (; sequence <= 20_000; sequence++)
        {
            checker.onEvent(SOURCE, EPOCH, sequence);
            checker.onEvent(SOURCE + 1, EPOCH, 2 * sequence);
        }

        final long[] next = { sequence };
        final long bytes = Allocations.fewestBytes(() ->
        {
            for (int i = 0; i < 20_000; i++, next[0]++)
            {
                checker.onEvent(SOURCE, EPOCH, next[0]);
                checker.onEvent(SOURCE + 1, EPOCH, 2 * next[0]);
            }
        }, 10);

        assertEquals(0, bytes);
        assertEquals(next[0] - 1, checker.gaps());
    }
}
