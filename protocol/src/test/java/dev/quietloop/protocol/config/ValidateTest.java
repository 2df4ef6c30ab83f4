package dev.quietloop.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;

class ValidateTest
{
    @Test
    void shouldReturnAValueInRangeAndNameTheFlagOfOneOutside()
    {
        assertEquals(5L, Validate.inRange("--x", 5L, 0, 10));
        assertEquals(10, Validate.inRange("--x", 10, 0, 10));
        assertEquals("--x must be in [0, 10]: 11",
            assertThrows(ConfigException.class, () -> Validate.inRange("--x", 11, 0, 10)).getMessage());
        assertEquals("--x must be in [1, 86400000]: 0",
            assertThrows(ConfigException.class, () -> Validate.inRange("--x", 0L, 1, 86_400_000)).getMessage());
    }

    @Test
    void shouldAcceptOnlyPowersOfTwoInRange()
    {
        assertEquals(1024, Validate.powerOfTwo("--ring-size", 1024, 2, 1 << 30));
        assertThrows(ConfigException.class, () -> Validate.powerOfTwo("--ring-size", 1000, 2, 1 << 30));
        assertThrows(ConfigException.class, () -> Validate.powerOfTwo("--ring-size", 1, 2, 1 << 30));
    }

    @Test
    void shouldSayARequiredFlagIsMissing()
    {
        assertEquals("--data is required",
            assertThrows(ConfigException.class, () -> Validate.required("--data", null)).getMessage());
    }
}
