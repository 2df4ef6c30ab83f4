package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RawJeromqRunTest
{
    @Test
    void shouldReadTheRateAndBothProcessesCpuFromTheResultLine()
    {
        final RawJeromqRun.Result result = RawJeromqRun.parse("RESULT rawJeromq messages=2000000 seconds=1.437000 " +
            "messagesPerSecond=1391788 receiverCpuNs=2310000000 senderCpuNs=1890000000");

        assertEquals(2_000_000, result.messages());
        assertEquals(1_391_788, result.messagesPerSecond());
        assertEquals(2_310_000_000L, result.receiverCpuNs());
        assertEquals(1_890_000_000L, result.senderCpuNs());
        assertEquals(4_200_000_000L, result.cpuNs());
    }

    @Test
    void shouldKnowNoCpuWhenEitherProcessDidNotSay()
    {
        final RawJeromqRun.Result older =
            RawJeromqRun.parse("RESULT rawJeromq messages=100000 seconds=0.100000 messagesPerSecond=1000000");
        final RawJeromqRun.Result senderSilent = RawJeromqRun.parse("RESULT rawJeromq messages=100000 seconds=0.1 " +
            "messagesPerSecond=1000000 receiverCpuNs=900000000 senderCpuNs=-1");

        assertEquals(1_000_000, older.messagesPerSecond());
        assertEquals(-1, older.cpuNs());
        assertEquals(-1, senderSilent.cpuNs());
    }
}
