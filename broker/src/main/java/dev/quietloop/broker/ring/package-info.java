/**
 * The broker ring between the ingress receiver and the sidecar forwarder: its pre-allocated frame
 * slots, and the counters both ends keep of what passed through it.
 */
package dev.quietloop.broker.ring;
