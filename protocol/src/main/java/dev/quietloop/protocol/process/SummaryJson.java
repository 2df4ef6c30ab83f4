package dev.quietloop.protocol.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.quietloop.protocol.account.Accounting;

/**
 * The summary files: nested JSON objects whose leaves are integers. In memory a summary is a
 * flat map of dotted keys ({@code Accounting.BOT_TICKS -> 50000}), which is what processes add up and
 * tests assert on; on disk it is nested ({@code {"bot": {"ticks": 50000}}}).
 */
public final class SummaryJson
{
    private SummaryJson()
    {
    }

    public static String write(final Map<String, Long> flat)
    {
        final Node root = new Node();
        for (final Map.Entry<String, Long> entry : new TreeMap<>(flat).entrySet())
        {
            root.put(entry.getKey().split("\\."), 0, entry.getValue());
        }
        final StringBuilder out = new StringBuilder();
        root.write(out, 0);
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
        final Parser parser = new Parser(json);
        final Map<String, Long> flat = new TreeMap<>();
        parser.skipWhitespace();
        parser.object("", flat);
        parser.skipWhitespace();
        if (parser.pos != json.length())
        {
            throw parser.error("trailing characters");
        }
        return flat;
    }

    private static final class Node
    {
        private final Map<String, Object> children = new TreeMap<>();

        void put(final String[] path, final int index, final long value)
        {
            if (index == path.length - 1)
            {
                if (children.get(path[index]) instanceof Node)
                {
                    throw new IllegalArgumentException("key is both a value and an object: " + String.join(".", path));
                }
                children.put(path[index], value);
                return;
            }
            final Object child = children.computeIfAbsent(path[index], k -> new Node());
            if (!(child instanceof Node))
            {
                throw new IllegalArgumentException("key is both a value and an object: " + String.join(".", path));
            }
            ((Node)child).put(path, index + 1, value);
        }

        void write(final StringBuilder out, final int depth)
        {
            out.append('{');
            final List<Map.Entry<String, Object>> entries = new ArrayList<>(children.entrySet());
            for (int i = 0; i < entries.size(); i++)
            {
                out.append('\n').append("  ".repeat(depth + 1));
                out.append('"').append(entries.get(i).getKey()).append("\": ");
                final Object value = entries.get(i).getValue();
                if (value instanceof Node)
                {
                    ((Node)value).write(out, depth + 1);
                }
                else
                {
                    out.append(value);
                }
                if (i < entries.size() - 1)
                {
                    out.append(',');
                }
            }
            if (!entries.isEmpty())
            {
                out.append('\n').append("  ".repeat(depth));
            }
            out.append('}');
        }
    }

    private static final class Parser
    {
        private final String text;
        private int pos;

        Parser(final String text)
        {
            this.text = text;
        }

        void object(final String prefix, final Map<String, Long> flat)
        {
            expect('{');
            skipWhitespace();
            if (peek() == '}')
            {
                pos++;
                return;
            }
            while (true)
            {
                skipWhitespace();
                final String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                final String path = prefix.isEmpty() ? key : prefix + "." + key;
                if (peek() == '{')
                {
                    object(path, flat);
                }
                else
                {
                    flat.put(path, integer());
                }
                skipWhitespace();
                if (peek() == ',')
                {
                    pos++;
                    continue;
                }
                expect('}');
                return;
            }
        }

        String string()
        {
            expect('"');
            final int end = text.indexOf('"', pos);
            if (end < 0)
            {
                throw error("unterminated string");
            }
            final String s = text.substring(pos, end);
            pos = end + 1;
            return s;
        }

        long integer()
        {
            final int start = pos;
            if (peek() == '-')
            {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos)))
            {
                pos++;
            }
            try
            {
                return Long.parseLong(text.substring(start, pos));
            }
            catch (final NumberFormatException ex)
            {
                throw error("expected an integer");
            }
        }

        void skipWhitespace()
        {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
            {
                pos++;
            }
        }

        char peek()
        {
            if (pos >= text.length())
            {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        void expect(final char c)
        {
            if (peek() != c)
            {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        IllegalArgumentException error(final String what)
        {
            return new IllegalArgumentException("bad summary JSON at offset " + pos + ": " + what);
        }
    }
}
