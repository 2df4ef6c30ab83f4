/**
 * The ingest side of the broker: a PULL socket the bots connect to, drained into the broker ring
 * with back-pressure (nothing is received that the ring cannot store).
 */
package dev.quietloop.broker.ingress;
