package dev.quietloop.broker.ingress;

/**
 * What the ingest took from one source (one bot) by the end of a run: the broker's side of that
 * bot's own account. Read once the receiver thread has stopped.
 *
 * @param sourceId    the bot's source id
 * @param events      the business events taken from it, under its last epoch
 * @param lost        whether it was declared lost: silent past the bot timeout with no end of stream
 */
public record SourceTally(int sourceId, long events, boolean lost)
{
}
