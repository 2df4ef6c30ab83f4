/**
 * What each quietloop process shares about being a process: exit codes, one-line command-line
 * errors, the readiness line a launcher waits for, watching the parent, and the summary files.
 */
package dev.quietloop.protocol.process;
