package dev.quietloop.protocol.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A {@link PrintStream} whose text a test reads back: what the code under test printed on out or err. */
public final class PrintCapture
{
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    public final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Everything printed so far. */
    public String text()
    {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Everything printed so far, line by line; none when nothing was. */
    public String[] lines()
    {
        final String text = text();
        return text.isEmpty() ? new String[0] : text.split("\n");
    }
}
