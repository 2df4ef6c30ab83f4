package dev.quietloop.protocol.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.quietloop.wire.ConfigException;
import net.openhft.chronicle.wire.WireType;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A run's {@code config.yaml} read back: {@code --config FILE} takes one process's section of it
 * as that process's flags, so a run can be reproduced from the file its report folder holds.
 * <p>
 * Strength, weakest first: the built-in defaults, the file, the command line. A key of a section
 * is a flag's long name without its dashes ({@code ring-size: 1024} is {@code --ring-size 1024}).
 * A scalar is the flag's default, so any flag given on the command line wins over it. An on/off
 * flag that takes no value ({@code quiet: true}) is given as the flag itself (or its negated form)
 * before the command line's own: as a default, picocli would flip it when the command line
 * gives it again. A sequence
 * is given as the flag repeated, before the command line's own, so both apply, the command line's
 * last. A map under a flag's key is that flag repeated with {@code KEY=VALUE} for each entry
 * ({@code strategy-param: { fast-shift: 2 }} is {@code --strategy-param fast-shift=2}), also
 * before the command line's own. The maps {@link #RECORDS} ({@code jvm}, what the process ran in)
 * are records of the run, not settings; a null is a flag left at its default. A key that names no flag of the process is refused in one
 * line listing the ones it knows: a typo must not pass for a setting. A hidden flag (one only a
 * launcher gives, such as {@code --launcher-cpus}) names no key: a file never sets it.
 */
public final class ConfigFile implements CommandLine.IDefaultValueProvider
{
    public static final String FLAG = "--config";
    /** The maps a run's config.yaml holds as records of the run, not settings: skipped, whatever the process. */
    static final Set<String> RECORDS = Set.of("run", "jvm", "sockets", "outputs");

    private final Path file;
    private final String section;
    private final Map<String, String> scalars = new LinkedHashMap<>();
    private final Map<String, List<String>> sequences = new LinkedHashMap<>();
    private final Map<String, List<String>> maps = new LinkedHashMap<>();

    private ConfigFile(final Path file, final String section)
    {
        this.file = file;
        this.section = section;
    }

    /**
     * Reads {@code section} of {@code file}.
     *
     * @throws ConfigException naming the file when it cannot be read, is not YAML, or has no such section.
     */
    public static ConfigFile read(final Path file, final String section)
    {
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(FLAG + " " + file + ": cannot read (" + ex.getMessage() + ")");
        }
        final Object document;
        try
        {
            document = text.isBlank() ? Map.of() : WireType.YAML_ONLY.fromString(text);
        }
        catch (final RuntimeException ex)
        {
            throw new ConfigException(FLAG + " " + file + ": not YAML (" + ex.getMessage() + ")");
        }
        if (!(document instanceof Map<?, ?> sections) || !(sections.get(section) instanceof Map<?, ?> values))
        {
            throw new ConfigException(FLAG + " " + file + ": no '" + section + ":' section (a run's config.yaml has one a process)");
        }
        final ConfigFile config = new ConfigFile(file, section);
        values.forEach((key, value) -> config.add(String.valueOf(key), value));
        return config;
    }

    private void add(final String key, final Object value)
    {
        if (value instanceof List<?> list)
        {
            final List<String> texts = new ArrayList<>();
            list.forEach(item -> texts.add(String.valueOf(item)));
            sequences.put(key, texts);
        }
        else if (value instanceof Map<?, ?> map)
        {
            final List<String> entries = new ArrayList<>();
            map.forEach((name, text) -> entries.add(name + "=" + (null == text ? "" : text)));
            maps.put(key, entries);
        }
        else if (null != value)
        {
            scalars.put(key, String.valueOf(value));
        }
    }

    /**
     * Checks every key against the command's flags and returns the arguments to run it with: the
     * file's sequences as repeated flags, then {@code args} unchanged.
     */
    public String[] apply(final CommandSpec command, final String[] args)
    {
        final TreeSet<String> known = new TreeSet<>();
        for (final OptionSpec option : command.options())
        {
            if (!option.hidden())
            {
                known.add(key(option));
            }
        }
        final TreeSet<String> unknown = new TreeSet<>(scalars.keySet());
        unknown.addAll(sequences.keySet());
        maps.keySet().stream().filter(key -> !RECORDS.contains(key)).forEach(unknown::add);
        unknown.removeAll(known);
        if (!unknown.isEmpty())
        {
            throw new ConfigException(FLAG + " " + file + ": '" + section + "' has no flag " + unknown +
                "; it knows " + known);
        }
        final List<String> expanded = new ArrayList<>();
        for (final OptionSpec option : command.options())
        {
            final String value = scalars.get(key(option));
            if (isSwitch(option) && null != value)
            {
                switchArgument(option, Boolean.parseBoolean(value), expanded);
            }
        }
        sequences.forEach((key, texts) -> texts.forEach(text -> expanded.add("--" + key + "=" + text)));
        maps.forEach((key, entries) ->
        {
            if (known.contains(key))
            {
                entries.forEach(entry -> expanded.add("--" + key + "=" + entry));
            }
        });
        expanded.addAll(List.of(args));
        return expanded.toArray(new String[0]);
    }

    @Override
    public String defaultValue(final ArgSpec argument)
    {
        return argument instanceof OptionSpec option && !option.hidden() && !isSwitch(option) ?
            scalars.get(key(option)) : null;
    }

    private static boolean isSwitch(final OptionSpec option)
    {
        return option.arity().max() == 0 && (option.type() == boolean.class || option.type() == Boolean.class);
    }

    /** The argument that sets a switch to {@code on}, if any is needed: none when that is its default. */
    private static void switchArgument(final OptionSpec option, final boolean on, final List<String> arguments)
    {
        final boolean byDefault = Boolean.parseBoolean(option.defaultValue());
        if (on == byDefault)
        {
            return;
        }
        final String name = option.longestName();
        if (on)
        {
            arguments.add(name);
        }
        else if (option.negatable())
        {
            arguments.add(name.startsWith("--no-") ? "--" + name.substring(5) : "--no-" + name.substring(2));
        }
        else
        {
            throw new ConfigException(FLAG + ": " + key(option) + ": false cannot be set by a file over its default, true");
        }
    }

    /** The file named by the last {@code --config} of {@code args}, or null. */
    public static Path named(final String[] args)
    {
        Path named = null;
        for (int i = 0; i < args.length; i++)
        {
            if (FLAG.equals(args[i]) && i + 1 < args.length)
            {
                named = Path.of(args[++i]);
            }
            else if (args[i].startsWith(FLAG + "="))
            {
                named = Path.of(args[i].substring(FLAG.length() + 1));
            }
            else if ("--".equals(args[i]))
            {
                break;
            }
        }
        return named;
    }

    private static String key(final OptionSpec option)
    {
        return option.longestName().replaceFirst("^-+", "");
    }
}
