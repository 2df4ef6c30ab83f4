package dev.quietloop.protocol.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import dev.quietloop.protocol.account.Accounting;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.JSONWire;

/**
 * The summary files: nested JSON objects whose leaves are integers. In memory a summary is a
 * flat map of dotted keys ({@code Accounting.BOT_TICKS -> 50000}), which is what processes add up and
 * tests assert on; on disk it is nested ({@code {"bot": {"ticks": 50000}}}).
 * <p>
 * Chronicle Wire's {@link JSONWire} reads them. It cannot write them as they are: its JSON is
 * compact only ({@code {"bot":{"ticks":50000}}}: its value writer's indentation and new lines
 * are no-ops and no space follows the colon, with no option to change that), while summary.json
 * keeps the layout every run has written so far (two spaces a level, {@code "key": value}, keys
 * sorted name by name, a new line at the end). So the writer is the few lines below; a
 * pretty-printing library would be a dependency for one file, and Wire is already here.
 * <p>
 * Wire's reader is lenient: it also takes unquoted names, a trailing comma or a missing one, and
 * integers such as {@code 0x10} or {@code 1_000}. Input cut short or unbalanced fails in Wire; what
 * Wire reads as anything but objects of integers with non-empty names, or that has more after the
 * closing brace, fails here. Either way as an {@link IllegalArgumentException}.
 */
public final class SummaryJson
{
    private static final String INDENT = "  ";

    private SummaryJson()
    {
    }

    public static String write(final Map<String, Long> flat)
    {
        final Node root = new Node();
        new TreeMap<>(flat).forEach((key, value) -> root.put(key, value));
        final StringBuilder out = new StringBuilder();
        root.write(out, "");
        return out.append('\n').toString();
    }

    /** Writes atomically: readers never see half a file. */
    public static void write(final Path file, final Map<String, Long> flat)
    {
        ConfigYaml.writeAtomically(file, write(flat));
    }

    public static Map<String, Long> read(final Path file)
    {
        try
        {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /** Parses nested objects of integers back into dotted keys. */
    public static Map<String, Long> parse(final String json)
    {
        if (!(readValue(json) instanceof Map<?, ?> root))
        {
            throw bad("the top level is not an object");
        }
        final Map<String, Long> flat = new TreeMap<>();
        flatten("", root, flat);
        return flat;
    }

    /** The one value Wire reads from the text, as maps, numbers, strings, lists; nothing may follow it. */
    private static Object readValue(final String json)
    {
        final Bytes<byte[]> bytes = Bytes.wrapForRead(json.getBytes(StandardCharsets.UTF_8));
        try
        {
            final JSONWire wire = new JSONWire(bytes);
            final Object value;
            try
            {
                value = wire.getValueIn().object();
                wire.consumePadding();
            }
            catch (final RuntimeException ex)
            {
                throw new IllegalArgumentException("bad summary JSON: " + wireMessage(ex), ex);
            }
            if (bytes.readRemaining() > 0)
            {
                throw bad("trailing characters at offset " + bytes.readPosition());
            }
            return value;
        }
        finally
        {
            bytes.releaseLast();
        }
    }

    private static void flatten(final String prefix, final Map<?, ?> object, final Map<String, Long> flat)
    {
        for (final Map.Entry<?, ?> entry : object.entrySet())
        {
            final String name = String.valueOf(entry.getKey());
            final Object value = entry.getValue();
            if (name.isEmpty())
            {
                throw bad("an empty name in \"" + prefix + "\"");
            }
            if (value instanceof Map<?, ?> child)
            {
                flatten(prefix + name + ".", child, flat);
            }
            else if (value instanceof Long number)
            {
                flat.put(prefix + name, number);
            }
            else
            {
                final String shown = value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
                throw bad("\"" + prefix + name + "\" is " + shown + ", not a 64-bit integer");
            }
        }
    }

    /**
     * Wire's own words without the dump of the buffer that may follow them (the whole file at worst),
     * and with the end of the input named rather than shown as the character Wire reads there.
     */
    private static String wireMessage(final RuntimeException ex)
    {
        final String message = String.valueOf(ex.getMessage()).replace("\uFFFF", "the end");
        final int at = message.indexOf(" at [pos: ");
        final int dump = at < 0 ? -1 : message.indexOf(" ]", at);
        return dump < 0 ? message : message.substring(0, dump + 2);
    }

    private static IllegalArgumentException bad(final String what)
    {
        return new IllegalArgumentException("bad summary JSON: " + what);
    }

    /** One level of the nested form, names sorted as the file lists them. */
    private static final class Node
    {
        private final Map<String, Object> children = new TreeMap<>();

        void put(final String key, final long value)
        {
            final String[] names = key.split("\\.");
            Node node = this;
            for (int i = 0; i < names.length - 1; i++)
            {
                if (!(node.children.computeIfAbsent(names[i], name -> new Node()) instanceof Node child))
                {
                    throw valueAndObject(key);
                }
                node = child;
            }
            if (node.children.put(names[names.length - 1], value) instanceof Node)
            {
                throw valueAndObject(key);
            }
        }

        void write(final StringBuilder out, final String indent)
        {
            out.append('{');
            String separator = "\n";
            for (final Map.Entry<String, Object> entry : children.entrySet())
            {
                final String name = entry.getKey().replace("\\", "\\\\").replace("\"", "\\\"");
                out.append(separator).append(indent).append(INDENT).append('"').append(name).append("\": ");
                if (entry.getValue() instanceof Node child)
                {
                    child.write(out, indent + INDENT);
                }
                else
                {
                    out.append(entry.getValue());
                }
                separator = ",\n";
            }
            if (!children.isEmpty())
            {
                out.append('\n').append(indent);
            }
            out.append('}');
        }

        private static IllegalArgumentException valueAndObject(final String key)
        {
            return new IllegalArgumentException("key is both a value and an object: " + key);
        }
    }
}
