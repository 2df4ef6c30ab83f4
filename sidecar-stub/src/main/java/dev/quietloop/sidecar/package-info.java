/**
 * The sidecar stub process: a stand-in for the external metrics sidecar that binds PULL, checks
 * what arrives and injects faults on demand. Its command line and lifecycle live here.
 */
package dev.quietloop.sidecar;
