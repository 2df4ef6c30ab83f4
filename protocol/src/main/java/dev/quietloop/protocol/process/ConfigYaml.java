package dev.quietloop.protocol.process;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireOut;
import net.openhft.chronicle.wire.WriteMarshallable;

/**
 * A run's effective configuration as Chronicle Wire YAML, one top-level section a process:
 * {@code bot: { dataFile: ..., jvm: { ... } }}. Each process writes its own section, with the JVM
 * it runs in, to {@code SECTION.yaml} beside its summary file; the broker adds the machine and
 * its own section and joins them into the run's {@code config.yaml}. A section is a complete YAML
 * document of one key, so sections joined one after another are one valid document.
 * <p>
 * Each configuration record writes its fields one by one in a plain {@code writeYaml(WireOut)},
 * passed here as {@code config::writeYaml}, never by reflection: a key is named, and what it holds
 * (units, absolute paths) decided, where the field is. The records do not implement Chronicle's
 * {@code WriteMarshallable}: there is no read side (a configuration is built from flags, never
 * from this file), and they stay plain data that no wire mistakes for a type it can marshal.
 */
public final class ConfigYaml
{
    public static final String SUFFIX = ".yaml";
    public static final String MACHINE = "machine";
    public static final String JVM = "jvm";

    private ConfigYaml()
    {
    }

    /** Where a process writes its section: {@code SECTION.yaml} in the directory of its summary file. */
    public static Path besideSummary(final Path summaryFile, final String section)
    {
        return summaryFile.toAbsolutePath().resolveSibling(section + SUFFIX);
    }

    /**
     * Writes this process's section, its configuration then the {@code jvm} map, atomically.
     * A failure is one line on {@code err} naming the file, never an exception: the configuration
     * describes a run and is never a reason to stop one.
     *
     * @return true if the file was written.
     */
    public static boolean write(
        final Path file, final String section, final WriteMarshallable config, final PrintStream err)
    {
        try
        {
            writeAtomically(file, processSection(section, config));
            return true;
        }
        catch (final RuntimeException | LinkageError ex)
        {
            // LinkageError too: the YAML wire is the one part of Chronicle Wire a process loads,
            // and it loads here, for this file alone.
            err.println(section + ": cannot write " + file + ": " + reason(ex));
            return false;
        }
    }

    /** A process's section: its configuration, then the JVM it runs in. */
    public static String processSection(final String section, final WriteMarshallable config)
    {
        return section(section, (wire) ->
        {
            config.writeMarshallable(wire);
            wire.write(JVM).marshallable(ConfigYaml::writeJvm);
        });
    }

    /** The {@code machine} section: what the run's numbers depend on besides the configuration. */
    public static String machineSection()
    {
        return section(MACHINE, Machine.current()::writeYaml);
    }

    /** One top-level key holding the fields as a map, ending with a new line. */
    public static String section(final String name, final WriteMarshallable fields)
    {
        final Wire wire = Wire.newYamlWireOnHeap();
        try
        {
            wire.write(name).marshallable(fields);
            // Chronicle escapes what is not ASCII inside quotes, so the bytes are UTF-8 either way.
            final String text = new String(wire.bytes().toByteArray(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text : text + "\n";
        }
        finally
        {
            wire.bytes().releaseLast();
        }
    }

    /** Writes through a temporary file, so a reader never sees half of one. */
    public static void writeAtomically(final Path file, final String text)
    {
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try
        {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    /** A path as the absolute text a reader can use from anywhere, or null. */
    public static String absolute(final Path path)
    {
        return path == null ? null : path.toAbsolutePath().normalize().toString();
    }

    /** A sequence of strings, in their order. */
    public static void writeTexts(final WireOut wire, final String key, final List<String> texts)
    {
        wire.write(key).sequence(texts, (list, out) ->
        {
            for (final String text : list)
            {
                out.text(text);
            }
        });
    }

    /** One line on what went wrong: the I/O cause when there is one, which names the file. */
    public static String reason(final Throwable ex)
    {
        final Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        return String.valueOf(cause);
    }

    private static void writeJvm(final WireOut wire)
    {
        final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        wire.write("pid").int64(ProcessHandle.current().pid());
        wire.write("name").text(System.getProperty("java.vm.name"));
        wire.write("vendor").text(System.getProperty("java.vendor"));
        wire.write("version").text(Runtime.version().toString());
        wire.write("maxHeapBytes").int64(Runtime.getRuntime().maxMemory());
        writeTexts(wire, "inputArguments", runtime.getInputArguments());
    }
}
