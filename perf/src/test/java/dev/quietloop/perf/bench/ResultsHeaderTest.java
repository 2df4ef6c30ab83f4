package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.process.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsHeaderTest
{
    @Test
    void shouldDescribeTheMachineAsARunsConfigRecordsIt()
    {
        final List<String> lines =
            ResultsHeader.machine(new Machine("0-3", 2, "Linux", "6.1.0", "amd64", 16L << 30), ", Some CPU @ 2.0GHz");

        assertEquals(List.of("- cores: 2 (CPUs online: 0-3), Some CPU @ 2.0GHz", "- memory: 16 GiB",
            "- OS: Linux 6.1.0 amd64"), lines.subList(0, 3));
        assertEquals(4, lines.size(), "and the JVM: " + lines);
    }

    @Test
    void shouldSayWhatTheMachineDoesNotTell()
    {
        final List<String> lines = ResultsHeader.machine(new Machine(null, 1, "Plan9", "4", "mips", -1), "");

        assertEquals(List.of("- cores: 1", "- memory: unknown"), lines.subList(0, 2));
    }

    @Test
    void shouldNameTheCommitOfACheckoutAndSayWhenThereIsNone(@TempDir final Path notACheckout)
    {
        assertTrue(ResultsHeader.revision(Path.of("").toAbsolutePath().getParent()).matches("`[0-9A-Za-z._-]+`"),
            "the project's own checkout, from perf/");
        assertEquals("an unknown commit", ResultsHeader.revision(notACheckout));
    }
}
