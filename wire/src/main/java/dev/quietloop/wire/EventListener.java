package dev.quietloop.wire;

/** Receives each decoded event; the event object is reused, so copy what you keep. */
@FunctionalInterface
public interface EventListener
{
    void onEvent(Event event);
}
