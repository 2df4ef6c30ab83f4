package dev.quietloop.protocol.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import net.openhft.chronicle.wire.WireType;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A YAML document read back by Chronicle's own YAML parser into nested maps (lists for
 * sequences, typed scalars), for tests that check what a process wrote with Chronicle Wire.
 * Shared with the other modules as protocol's test jar.
 */
public final class YamlDocument
{
    private YamlDocument()
    {
    }

    public static Map<?, ?> parse(final String text)
    {
        return assertInstanceOf(Map.class, WireType.YAML_ONLY.fromString(text), text);
    }

    public static Map<?, ?> read(final Path file) throws IOException
    {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The map under {@code key}; fails naming the key when there is none. */
    public static Map<?, ?> map(final Map<?, ?> parent, final String key)
    {
        return assertInstanceOf(Map.class, parent.get(key), () -> "no map under '" + key + "' in " + parent);
    }

    /** The number under {@code key} as a long, whatever width the parser chose for it. */
    public static long number(final Map<?, ?> parent, final String key)
    {
        return assertInstanceOf(Number.class, parent.get(key), () -> "no number under '" + key + "' in " + parent)
            .longValue();
    }
}
