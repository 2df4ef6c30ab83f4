package dev.quietloop.protocol.testing;

import dev.quietloop.protocol.wake.Doorbell;

/** Doorbells for tests that drive a producer without its consumer. */
public final class Doorbells
{
    private Doorbells()
    {
    }

    /** A doorbell nobody waits on: ringing it finds no sleeper, and a wait on it returns at once. */
    public static Doorbell unattended()
    {
        return new Doorbell(() -> true);
    }
}
