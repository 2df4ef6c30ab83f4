/**
 * What each quietloop process shares about being a process: exit codes, one-line command-line
 * errors, the readiness line a launcher waits for, watching the parent, the summary files, its
 * configuration as YAML for the report, and the live counters in a memory-mapped file with the
 * stat tool that reads them.
 */
package dev.quietloop.protocol.process;
