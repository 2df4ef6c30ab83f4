/**
 * The external hop: the forwarder PUSHes each frame from the broker ring, unchanged, to the
 * metrics sidecar and times only that send into the headline histogram.
 */
package dev.quietloop.broker.forward;
