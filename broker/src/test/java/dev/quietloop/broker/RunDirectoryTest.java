package dev.quietloop.broker;

import static dev.quietloop.broker.RunContext.RunIdOrigin.GENERATED;
import static dev.quietloop.broker.RunContext.RunIdOrigin.GIVEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest
{
    @TempDir
    Path reports;

    @Test
    void shouldCreateReportsAndRunFolders()
    {
        final Path runDir = RunDirectory.create(reports.resolve("a/b"), "r1", GIVEN);
        assertEquals(reports.resolve("a/b/r1"), runDir);
        assertTrue(Files.isDirectory(runDir));
    }

    @Test
    void shouldReuseAnEmptyFolderButRefuseOneHoldingAReport() throws Exception
    {
        Files.createDirectory(reports.resolve("empty"));
        assertEquals(reports.resolve("empty"), RunDirectory.create(reports, "empty", GIVEN));

        Files.writeString(reports.resolve("empty").resolve("broker.json"), "{}");
        final ConfigException ex = assertThrows(ConfigException.class, () -> RunDirectory.create(reports, "empty", GIVEN));
        assertTrue(ex.getMessage().contains("run id 'empty' is taken"), ex.getMessage());
    }

    @Test
    void shouldSuffixATakenDefaultRunId()
    {
        assertEquals(reports.resolve("20250101-120000"), RunDirectory.create(reports, "20250101-120000", GENERATED));
        assertEquals(reports.resolve("20250101-120000-2"), RunDirectory.create(reports, "20250101-120000", GENERATED));
        assertEquals(reports.resolve("20250101-120000-3"), RunDirectory.create(reports, "20250101-120000", GENERATED));
    }
}
