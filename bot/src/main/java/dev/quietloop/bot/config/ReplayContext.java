package dev.quietloop.bot.config;

import java.nio.file.Path;

import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.protocol.config.Validate;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.wire.ConfigException;
import net.openhft.chronicle.wire.WireOut;

import static dev.quietloop.bot.config.BotConfiguration.DATA_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.FORMAT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.RATE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SPEED_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SPEED_MAX;
import static dev.quietloop.bot.config.BotConfiguration.STRICT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SYMBOL_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.key;

/**
 * What to replay and how fast: the file, its format and symbol when they cannot be told from the
 * file, strictness with bad rows, and the pacing. Checked first by {@link BotContext#conclude()}:
 * a missing file is the most common mistake.
 */
public final class ReplayContext
{
    private Path data;
    private String format;
    private String symbol;
    private boolean strict;
    private double speed;
    private double rateTicksPerSecond;

    public ReplayContext data(final Path data)
    {
        this.data = data;
        return this;
    }

    public Path data()
    {
        return data;
    }

    /** @param format null to detect the format from the file's first line */
    public ReplayContext format(final String format)
    {
        this.format = format;
        return this;
    }

    public String format()
    {
        return format;
    }

    /** @param symbol null unless the format carries no symbol (Binance files) */
    public ReplayContext symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    public String symbol()
    {
        return symbol;
    }

    public ReplayContext strict(final boolean strict)
    {
        this.strict = strict;
        return this;
    }

    public boolean strict()
    {
        return strict;
    }

    /** @param speed 0 for {@code --speed max}, else the factor over the file's own timing */
    public ReplayContext speed(final double speed)
    {
        this.speed = speed;
        return this;
    }

    public double speed()
    {
        return speed;
    }

    /** @param rateTicksPerSecond 0 unless {@code --rate} fixes the tick rate */
    public ReplayContext rateTicksPerSecond(final double rateTicksPerSecond)
    {
        this.rateTicksPerSecond = rateTicksPerSecond;
        return this;
    }

    public double rateTicksPerSecond()
    {
        return rateTicksPerSecond;
    }

    public boolean isPaced()
    {
        return speed > 0 || rateTicksPerSecond > 0;
    }

    /** Checks the file is there and readable, the format is known and the pacing is one or none. */
    public ReplayContext conclude()
    {
        MarketDataFile.checkReadable(Validate.required(DATA_FLAG + " FILE", data));
        if (format != null)
        {
            MarketDataFormat.byName(format);
        }
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed))
        {
            throw new ConfigException(SPEED_FLAG + " must be 'max' or a positive number: " + speed);
        }
        if (rateTicksPerSecond < 0 || Double.isNaN(rateTicksPerSecond) || Double.isInfinite(rateTicksPerSecond))
        {
            throw new ConfigException(RATE_FLAG + " must be a positive number of ticks per second: " +
                rateTicksPerSecond);
        }
        if (speed > 0 && rateTicksPerSecond > 0)
        {
            throw new ConfigException(SPEED_FLAG + " and " + RATE_FLAG + " exclude each other: pace by the file's " +
                "timestamps or at a fixed rate");
        }
        return this;
    }

    /**
     * The replay's flags, each under its own name and in its own syntax: the file as an absolute
     * path, a format or symbol left to detection as null, {@code speed} as {@code max} unless the
     * file's timing paces the replay, {@code rate} as null unless a fixed rate does.
     */
    public void writeFlags(final WireOut wire)
    {
        wire.write(key(DATA_FLAG)).text(ConfigYaml.absolute(data));
        wire.write(key(FORMAT_FLAG)).text(format);
        wire.write(key(SYMBOL_FLAG)).text(symbol);
        wire.write(key(STRICT_FLAG)).bool(strict);
        if (speed > 0)
        {
            wire.write(key(SPEED_FLAG)).float64(speed);
        }
        else
        {
            wire.write(key(SPEED_FLAG)).text(SPEED_MAX);
        }
        if (rateTicksPerSecond > 0)
        {
            wire.write(key(RATE_FLAG)).float64(rateTicksPerSecond);
        }
        else
        {
            wire.write(key(RATE_FLAG)).text((String)null);
        }
    }

    /** {@code --speed}'s text: "max" (or none) for 0, else a positive factor. */
    public static double parseSpeed(final String text)
    {
        if (text == null || SPEED_MAX.equalsIgnoreCase(text))
        {
            return 0;
        }
        final double speed = parsePositive(text);
        if (speed <= 0)
        {
            throw new ConfigException(SPEED_FLAG + " must be 'max' or a positive number (1 is the file's own " +
                "timing): '" + text + "'");
        }
        return speed;
    }

    /** {@code --rate}'s text: none for 0, else a positive number of ticks per second. */
    public static double parseRate(final String text)
    {
        if (text == null)
        {
            return 0;
        }
        final double rate = parsePositive(text);
        if (rate <= 0)
        {
            throw new ConfigException(RATE_FLAG + " must be a positive number of ticks per second: '" + text + "'");
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
