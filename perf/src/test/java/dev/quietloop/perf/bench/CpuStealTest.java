package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CpuStealTest
{
    private static final List<String> PROC_STAT = List.of(
        "cpu  3437716 585 522454 7435755 4275 0 16782 13126 0 0",
        "cpu0 1776661 585 284652 3636221 968 0 7400 6497 0 0",
        "cpu1 1661055 0 237802 3799534 3306 0 9381 6629 0 0",
        "intr 123 4 5",
        "cpu2 1 2 3");

    @Test
    void shouldReadTheStealColumnOfTheCpuAskedForInMilliseconds()
    {
        assertEquals(66_290, CpuSteal.parse(PROC_STAT, CpuSteal.label(1)));
        assertEquals(64_970, CpuSteal.parse(PROC_STAT, "cpu0"));
        assertEquals(131_260, CpuSteal.parse(PROC_STAT, CpuSteal.label(-1)), "the whole machine");
    }

    @Test
    void shouldSayUnknownForACpuWithoutALineOrWithoutAStealColumn()
    {
        assertEquals(-1, CpuSteal.parse(PROC_STAT, "cpu7"));
        assertEquals(-1, CpuSteal.parse(PROC_STAT, "cpu2"));
    }
}
