package dev.quietloop.protocol.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ConfigFileTest
{
    private static final String FILE = String.join("\n",
        "machine: {",
        "  cpusOnline: \"0-1\"",
        "}",
        "toy: {",
        "  ring-size: 1024,",
        "  name: from-file,",
        "  quiet: true,",
        "  plots: false,",
        "  cpus: !!null \"\",",
        "  extra: [ a, b ],",
        "  jvm: {",
        "    pid: 42",
        "  }",
        "}",
        "");

    @TempDir
    Path dir;

    @Command(name = "toy")
    static final class Toy implements Callable<Integer>
    {
        @Option(names = "--ring-size", defaultValue = "65536")
        int ringSize;
        @Option(names = "--name", defaultValue = "built-in")
        String name;
        @Option(names = "--quiet")
        boolean quiet;
        @Option(names = "--plots", negatable = true, defaultValue = "true", fallbackValue = "true")
        boolean plots;
        @Option(names = "--cpus")
        String cpus;
        @Option(names = "--extra")
        List<String> extra = new ArrayList<>();
        @Option(names = "--launcher-cpus", hidden = true)
        String launcherCpus;

        @Override
        public Integer call()
        {
            return 0;
        }
    }

    @Test
    void shouldTakeTheSectionsScalarsAsDefaultsAndItsSequencesAsRepeatedFlags() throws IOException
    {
        final Toy toy = new Toy();
        assertEquals(0, Cli.run("toy", "toy", toy, "--config", write(FILE).toString()));
        assertEquals(1024, toy.ringSize);
        assertEquals("from-file", toy.name);
        assertTrue(toy.quiet);
        assertFalse(toy.plots);
        assertEquals(null, toy.cpus, "a null is a flag left at its default");
        assertEquals(List.of("a", "b"), toy.extra);
    }

    @Test
    void shouldGiveAMapUnderAFlagsKeyAsThatFlagRepeatedWithKeyEqualsValueAndSkipAnyOtherMap() throws IOException
    {
        final String file = String.join("\n",
            "toy: {",
            "  extra: { ma.lot: \"0.02\", window: 5 },",
            "  jvm: { pid: 42 }",
            "}",
            "");
        final Toy toy = new Toy();

        assertEquals(0, Cli.run("toy", "toy", toy, "--config", write(file).toString(), "--extra", "window=6"));

        assertEquals(List.of("ma.lot=0.02", "window=5", "window=6"), toy.extra, "the file's entries first, in order");
    }

    @Test
    void shouldRefuseAMapThatIsNeitherAFlagNorARecordOfTheRun() throws IOException
    {
        final String err = runFailing(write(String.join("\n", "toy: {", "  extras: { window: 5 }", "}", "")), "toy");

        assertTrue(err.contains("'toy' has no flag [extras]"), err);
    }

    @Test
    void shouldLetAFlagGivenOnTheCommandLineWinOverTheFile() throws IOException
    {
        final Toy toy = new Toy();
        assertEquals(0, Cli.run("toy", "toy", toy, "--ring-size", "8", "--config=" + write(FILE), "--extra", "c"));
        assertEquals(8, toy.ringSize);
        assertEquals("from-file", toy.name);
        assertEquals(List.of("a", "b", "c"), toy.extra, "the file's sequence first, the command line's last");
    }

    @Test
    void shouldKeepASwitchTheFileSetsWhenTheCommandLineGivesItAgainAndLetItsNegationWin() throws IOException
    {
        final Toy again = new Toy();
        assertEquals(0, Cli.run("toy", "toy", again, "--config", write(FILE).toString(), "--quiet"));
        assertTrue(again.quiet, "given in the file and on the command line: on, not flipped");
        assertFalse(again.plots, "the file's false of a negatable switch whose default is true");
        final Toy negated = new Toy();
        assertEquals(0, Cli.run("toy", "toy", negated, "--config", write(FILE).toString(), "--plots"));
        assertTrue(negated.plots, "the command line wins");
    }

    @Test
    void shouldKeepTheBuiltInDefaultsWithoutAFile()
    {
        final Toy toy = new Toy();
        assertEquals(0, Cli.run("toy", "toy", toy));
        assertEquals(65536, toy.ringSize);
        assertEquals("built-in", toy.name);
        assertFalse(toy.quiet);
        assertTrue(toy.plots);
    }

    @Test
    void shouldRefuseAKeyThatNamesNoFlagInOneLine() throws IOException
    {
        final String err = runFailing(write(FILE.replace("ring-size:", "ring-sise:")), "toy");
        assertTrue(err.contains("'toy' has no flag [ring-sise]"), err);
        assertTrue(err.contains("ring-size"), "lists the known flags: " + err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void shouldRefuseAKeyOfAHiddenFlagThatOnlyALauncherGives() throws IOException
    {
        final String err = runFailing(write(FILE.replace("  name: from-file,", "  launcher-cpus: \"0\",")), "toy");
        assertTrue(err.contains("'toy' has no flag [launcher-cpus]"), err);
        assertFalse(err.substring(err.indexOf("it knows")).contains("launcher-cpus"), "not listed: " + err);
        final Toy launched = new Toy();
        assertEquals(0, Cli.run("toy", "toy", launched, "--config", write(FILE).toString(), "--launcher-cpus", "1"));
        assertEquals("1", launched.launcherCpus, "a launcher still gives it on the command line");
    }

    @Test
    void shouldRefuseAFileWithoutTheProcesssSection() throws IOException
    {
        final String err = runFailing(write(FILE), "other");
        assertTrue(err.contains("no 'other:' section"), err);
    }

    @Test
    void shouldRefuseAMissingFileNamingIt()
    {
        final String err = runFailing(dir.resolve("absent.yaml"), "toy");
        assertTrue(err.contains("absent.yaml: cannot read"), err);
    }

    private String runFailing(final Path file, final String section)
    {
        final PrintStream before = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            assertEquals(ExitCodes.USAGE, Cli.run("toy", section, new Toy(), "--config", file.toString()));
        }
        finally
        {
            System.setErr(before);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private Path write(final String text) throws IOException
    {
        return Files.writeString(dir.resolve("config.yaml"), text);
    }
}
