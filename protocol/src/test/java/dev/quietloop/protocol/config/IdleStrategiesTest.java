package dev.quietloop.protocol.config;

import dev.quietloop.protocol.wake.WakeOnWorkIdleStrategy;
import dev.quietloop.wire.ConfigException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleStrategiesTest
{
    @Test
    void shouldBuildEachNamedStrategy()
    {
        assertInstanceOf(BusySpinIdleStrategy.class, IdleStrategies.parse("spin"));
        assertInstanceOf(YieldingIdleStrategy.class, IdleStrategies.parse("yield"));
        assertInstanceOf(BackoffIdleStrategy.class, IdleStrategies.parse("BACKOFF"));
        assertInstanceOf(SleepingIdleStrategy.class, IdleStrategies.parse("sleep"));
        assertInstanceOf(SleepingIdleStrategy.class, IdleStrategies.parse("sleep:200us"));
    }

    @Test
    void shouldListTheChoicesWhenTheWordIsUnknown()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> IdleStrategies.parse("hurry"));

        assertTrue(ex.getMessage().contains("'hurry'") && ex.getMessage().contains("backoff"), ex.getMessage());
        assertThrows(ConfigException.class, () -> IdleStrategies.parse("sleep:0ms"));
        final ConfigException flagged =
            assertThrows(ConfigException.class, () -> IdleStrategies.validate("--idle-sender", "hurry"));
        assertTrue(flagged.getMessage().startsWith("--idle-sender: "), flagged.getMessage());
        assertThrows(ConfigException.class, () -> IdleStrategies.parse("sleep:5s"));
    }

    @Test
    void shouldBuildWakeOnlyForAThreadWithSomethingToWaitOn()
    {
        assertInstanceOf(WakeOnWorkIdleStrategy.class, IdleStrategies.parse("wake", maxWaitNs -> { }));
        assertEquals("wake", IdleStrategies.validate("--idle-sender", "wake"), "a valid word for any flag");

        final ConfigException ex = assertThrows(ConfigException.class, () -> IdleStrategies.parse("wake"));

        assertTrue(ex.getMessage().contains("needs work to wait for") && ex.getMessage().contains("spin"), ex.getMessage());
    }

    @Test
    void shouldRetryRefusedSendsWithBackoffWhenTheThreadWakesOnWork()
    {
        assertInstanceOf(BackoffIdleStrategy.class, IdleChoice.WAKE.newRetryStrategy());
        assertInstanceOf(YieldingIdleStrategy.class, new IdleChoice("yield").newRetryStrategy());
    }
}
