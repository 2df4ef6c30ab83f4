/**
 * Benchmarks of quietloop's hot paths. Figures are only ever compared with a baseline measured
 * in the same run; no test asserts a time.
 */
package dev.quietloop.perf;
