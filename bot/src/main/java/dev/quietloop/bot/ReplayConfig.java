package dev.quietloop.bot;

import java.nio.file.Path;

import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.process.ConfigYaml;
import net.openhft.chronicle.wire.WireOut;

/**
 * What to replay and how fast: the file, its format and symbol when they cannot be told from the
 * file, strictness with bad rows, and the pacing. Validated here, in one place.
 *
 * @param format           null to detect the format from the file's first line
 * @param symbol           null unless the format carries no symbol (Binance files)
 * @param speed            0 for {@code --speed max}, else the factor over the file's own timing
 * @param rateTicksPerSecond 0 unless {@code --rate} fixes the tick rate
 */
public record ReplayConfig(
    Path dataFile,
    String format,
    String symbol,
    boolean strict,
    double speed,
    double rateTicksPerSecond)
{
    public static final String SPEED_MAX = "max";

    public ReplayConfig
    {
        if (dataFile == null)
        {
            throw new ConfigException("--data FILE is required");
        }
        MarketDataFile.checkReadable(dataFile);
        if (format != null)
        {
            MarketDataFormat.byName(format);
        }
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed))
        {
            throw new ConfigException("--speed must be 'max' or a positive number: " + speed);
        }
        if (rateTicksPerSecond < 0 || Double.isNaN(rateTicksPerSecond) || Double.isInfinite(rateTicksPerSecond))
        {
            throw new ConfigException("--rate must be a positive number of ticks per second: " + rateTicksPerSecond);
        }
        if (speed > 0 && rateTicksPerSecond > 0)
        {
            throw new ConfigException("--speed and --rate exclude each other: pace by the file's timestamps or at a " +
                "fixed rate");
        }
    }

    /** Builds from flag text: {@code speed} is "max" or a positive number, {@code rate} null or a positive number. */
    public static ReplayConfig of(
        final Path dataFile,
        final String format,
        final String symbol,
        final boolean strict,
        final String speed,
        final String rate)
    {
        return new ReplayConfig(dataFile, format, symbol, strict, parseSpeed(speed), parseRate(rate));
    }

    /**
     * Every field, into the bot's own section of {@code config.yaml} (the replay flags are the
     * bot's): the data file as an absolute path, a format or symbol left to detection as null,
     * {@code speed} as {@code max} when nothing paces the replay (the word {@code --speed} takes),
     * else the factor, which is 0 when {@code --rate} paces it.
     */
    public void writeYaml(final WireOut wire)
    {
        wire.write("dataFile").text(ConfigYaml.absolute(dataFile));
        wire.write("format").text(format);
        wire.write("symbol").text(symbol);
        wire.write("strict").bool(strict);
        if (!isPaced())
        {
            wire.write("speed").text(SPEED_MAX);
        }
        else
        {
            wire.write("speed").float64(speed);
        }
        wire.write("rateTicksPerSecond").float64(rateTicksPerSecond);
    }

    public boolean isPaced()
    {
        return speed > 0 || rateTicksPerSecond > 0;
    }

    static double parseSpeed(final String text)
    {
        if (text == null || SPEED_MAX.equalsIgnoreCase(text))
        {
            return 0;
        }
        final double speed = parsePositive(text);
        if (speed <= 0)
        {
            throw new ConfigException("--speed must be 'max' or a positive number (1 is the file's own timing): '" +
                text + "'");
        }
        return speed;
    }

    static double parseRate(final String text)
    {
        if (text == null)
        {
            return 0;
        }
        final double rate = parsePositive(text);
        if (rate <= 0)
        {
            throw new ConfigException("--rate must be a positive number of ticks per second: '" + text + "'");
        }
        return rate;
    }

    /** The number, or -1 when the text is not a positive finite number. */
    private static double parsePositive(final String text)
    {
        try
        {
            final double value = Double.parseDouble(text.replace("_", ""));
            return value > 0 && !Double.isInfinite(value) ? value : -1;
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
