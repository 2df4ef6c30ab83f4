package dev.quietloop.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.quietloop.wire.Event;

/**
 * One setting a strategy declares: its name, its kind, its default as text (as a user would type
 * it), and a line saying what it does. A value is checked against the kind when the bot starts.
 *
 * @param name         what {@code --strategy-param NAME=VALUE} names: lower-case letters, digits and dashes, a letter first
 * @param kind         what a value must be
 * @param defaultValue the value when none is given, in the kind's text form
 * @param description  one line, for {@code --list-strategies} and the documentation
 */
public record StrategyParameter(String name, Kind kind, String defaultValue, String description)
{
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /** What a value may be. */
    public enum Kind
    {
        /** A whole number: {@link StrategyParameters#integer}. */
        INTEGER("a whole number"),
        /** A decimal, held fixed-point with {@link Event#SCALE} as prices and quantities are: {@link StrategyParameters#decimal}. */
        DECIMAL("a decimal with at most 8 places"),
        /** {@code true} or {@code false}: {@link StrategyParameters#flag}. */
        BOOLEAN("true or false"),
        /** Any text: {@link StrategyParameters#text}. */
        TEXT("text");

        private static final BigDecimal SCALE = BigDecimal.valueOf(Event.SCALE);

        private final String what;

        Kind(final String what)
        {
            this.what = what;
        }

        /** What a value of this kind must be, for messages. */
        public String what()
        {
            return what;
        }

        /**
         * A value of this kind from its text: a {@link Long} for an integer or, fixed-point, a
         * decimal; a {@link Boolean}; the text itself.
         *
         * @throws IllegalArgumentException saying what the value must be.
         */
        public Object parse(final String text)
        {
            final String trimmed = text.trim();
            try
            {
                switch (this)
                {
                    case INTEGER:
                        return Long.parseLong(trimmed);
                    case DECIMAL:
                        return new BigDecimal(trimmed).multiply(SCALE).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
                    case BOOLEAN:
                        final String lower = trimmed.toLowerCase(Locale.ROOT);
                        if ("true".equals(lower) || "false".equals(lower))
                        {
                            return Boolean.parseBoolean(lower);
                        }
                        break;
                    default:
                        return text;
                }
            }
            catch (final ArithmeticException | NumberFormatException ex)
            {
                // not of this kind: said below
            }
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
    }

    public StrategyParameter
    {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!isName(name))
        {
            throw new IllegalArgumentException("strategy parameter name '" + name + "' is not lower-case letters, " +
                "digits and dashes, a letter first");
        }
        kind.parse(defaultValue); // a default that is not of its kind is the plugin's bug: say so at once
    }

    public static StrategyParameter integer(final String name, final long defaultValue, final String description)
    {
        return new StrategyParameter(name, Kind.INTEGER, Long.toString(defaultValue), description);
    }

    /** @param defaultValue as a user would type it, {@code "0.01"} */
    public static StrategyParameter decimal(final String name, final String defaultValue, final String description)
    {
        return new StrategyParameter(name, Kind.DECIMAL, defaultValue, description);
    }

    public static StrategyParameter flag(final String name, final boolean defaultValue, final String description)
    {
        return new StrategyParameter(name, Kind.BOOLEAN, Boolean.toString(defaultValue), description);
    }

    public static StrategyParameter text(final String name, final String defaultValue, final String description)
    {
        return new StrategyParameter(name, Kind.TEXT, defaultValue, description);
    }

    /** Whether {@code name} may name a strategy or a parameter: lower-case letters, digits and dashes, a letter first. */
    public static boolean isName(final String name)
    {
        return null != name && NAME.matcher(name).matches();
    }

    /** {@code name=default}, as {@code --list-strategies} shows it. */
    @Override
    public String toString()
    {
        return name + "=" + defaultValue;
    }
}
