package dev.quietloop.bot.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import dev.quietloop.wire.ConfigException;

/**
 * The start of a market data file, read once at start-up to tell what the file is: gzip or not
 * (by its magic bytes, whatever its name), text or binary, and its first line for the format.
 * Anything that makes the file unusable is a {@link ConfigException} naming the path.
 */
final class FileHead
{
    static final int HEAD_BYTES = 4096;

    private static final int GZIP_MAGIC_0 = 0x1F;
    private static final int GZIP_MAGIC_1 = 0x8B;
    private static final int UTF8_BOM_BYTES = 3;

    final boolean compressed;
    /** The first non-empty line, without a byte order mark or line end; at most {@link #HEAD_BYTES} long. */
    final String firstLine;
    final long firstLineNumber;

    private FileHead(final boolean compressed, final String firstLine, final long firstLineNumber)
    {
        this.compressed = compressed;
        this.firstLine = firstLine;
        this.firstLineNumber = firstLineNumber;
    }

    static FileHead read(final Path path)
    {
        final boolean compressed = isGzip(path);
        if (!compressed && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz"))
        {
            throw new ConfigException(path + ": not gzip data, though the name ends in .gz");
        }
        final byte[] head = head(path, compressed);
        if (head.length == 0)
        {
            throw new ConfigException(path + ": empty file");
        }
        int start = hasUtf8Bom(head) ? UTF8_BOM_BYTES : 0;
        long lineNumber = 1;
        while (start < head.length && (head[start] == '\n' || head[start] == '\r'))
        {
            lineNumber += head[start] == '\n' ? 1 : 0;
            start++;
        }
        if (start == head.length && head.length < HEAD_BYTES)
        {
            throw new ConfigException(path + ": empty file (only empty lines)");
        }
        int end = start;
        while (end < head.length && head[end] != '\n' && head[end] != '\r')
        {
            if (isControl(head[end]))
            {
                throw new ConfigException(path + ": binary data, not a market data CSV (byte " +
                    String.format("0x%02X", head[end] & 0xFF) + " at offset " + end + ")");
            }
            end++;
        }
        return new FileHead(compressed, new String(head, start, end - start, StandardCharsets.ISO_8859_1), lineNumber);
    }

    private static boolean isGzip(final Path path)
    {
        try (InputStream in = Files.newInputStream(path))
        {
            return in.read() == GZIP_MAGIC_0 && in.read() == GZIP_MAGIC_1;
        }
        catch (final IOException ex)
        {
            throw new ConfigException(path + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    private static byte[] head(final Path path, final boolean compressed)
    {
        try (InputStream raw = Files.newInputStream(path);
            InputStream in = compressed ? new GZIPInputStream(raw) : raw)
        {
            return in.readNBytes(HEAD_BYTES);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(path + (compressed ? ": corrupt gzip data (" : ": cannot read (") +
                ex.getMessage() + ")", ex);
        }
    }

    private static boolean hasUtf8Bom(final byte[] head)
    {
        return head.length >= UTF8_BOM_BYTES &&
            (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    private static boolean isControl(final byte b)
    {
        return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7F;
    }
}
