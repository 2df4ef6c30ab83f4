package dev.quietloop.broker.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.protocol.process.ConfigYaml;
import net.openhft.chronicle.wire.WriteMarshallable;

/**
 * Writes a report folder's {@code config.yaml}: the machine, the broker's own section, then the
 * sections the launched bot and sidecar stub wrote beside their summaries at start-up, taken as
 * they are (each file is one top-level section, so joined they are one YAML document) and then
 * deleted, so the folder holds the run's configuration once.
 */
public final class RunConfigWriter
{
    public static final String CONFIG_FILE = "config.yaml";
    public static final String BROKER_SECTION = "broker";
    /** The children's sections, in the order they follow the broker's. */
    public static final List<String> CHILD_SECTIONS = List.of("bot", "sidecar");

    private RunConfigWriter()
    {
    }

    /**
     * Writes {@code runDir/config.yaml}. A failure is one line on {@code err} naming the file and
     * leaves the children's files where they are: the configuration describes the run, it never
     * fails it.
     *
     * @return true if config.yaml was written.
     */
    public static boolean write(final Path runDir, final WriteMarshallable brokerConfig, final PrintStream err)
    {
        final Path file = runDir.resolve(CONFIG_FILE);
        final List<Path> childFiles = new ArrayList<>();
        try
        {
            ConfigYaml.writeAtomically(file, text(runDir, brokerConfig, childFiles));
        }
        catch (final IOException ex)
        {
            err.println(BROKER_SECTION + ": cannot write " + file + ": " + ex);
            return false;
        }
        catch (final RuntimeException | LinkageError ex)
        {
            // LinkageError too: the YAML wire is the one part of Chronicle Wire the broker loads,
            // and it loads here, for this file alone.
            err.println(BROKER_SECTION + ": cannot write " + file + ": " + ConfigYaml.reason(ex));
            return false;
        }
        for (final Path childFile : childFiles)
        {
            try
            {
                Files.delete(childFile);
            }
            catch (final IOException ex)
            {
                err.println(BROKER_SECTION + ": cannot delete " + childFile + ", whose section is in " + file + ": " +
                    ex);
            }
        }
        return true;
    }

    /** The whole document; {@code childFiles} gets the children's files it took a section from. */
    private static String text(final Path runDir, final WriteMarshallable brokerConfig, final List<Path> childFiles)
        throws IOException
    {
        final StringBuilder text = new StringBuilder()
            .append(ConfigYaml.machineSection())
            .append(ConfigYaml.processSection(BROKER_SECTION, brokerConfig));
        for (final String section : CHILD_SECTIONS)
        {
            final Path childFile = runDir.resolve(section + ConfigYaml.SUFFIX);
            if (Files.isRegularFile(childFile))
            {
                final String childText = Files.readString(childFile, StandardCharsets.UTF_8);
                text.append(childText);
                if (!childText.endsWith("\n"))
                {
                    text.append('\n');
                }
                childFiles.add(childFile);
            }
        }
        return text.toString();
    }
}
