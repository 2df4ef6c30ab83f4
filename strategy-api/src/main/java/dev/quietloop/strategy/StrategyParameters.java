package dev.quietloop.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quietloop.wire.ConfigException;

/**
 * The values a strategy runs with, one for each parameter it declares: the one given, or its
 * default. Checked when the bot starts; read by the provider's factory, off the trading thread.
 */
public final class StrategyParameters
{
    private final List<StrategyParameter> declared;
    private final Map<String, Object> values;
    private final Map<String, String> texts;

    private StrategyParameters(final List<StrategyParameter> declared, final Map<String, Object> values,
        final Map<String, String> texts)
    {
        this.declared = declared;
        this.values = values;
        this.texts = texts;
    }

    /**
     * The values for {@code declared}, those {@code given} (name to text) over the defaults.
     *
     * @param strategy the strategy's name, for messages
     * @throws ConfigException in one line, naming the strategy's parameters with their defaults, for a
     *                         name it does not declare or a value not of its parameter's kind.
     */
    public static StrategyParameters resolve(
        final String strategy, final List<StrategyParameter> declared, final Map<String, String> given)
    {
        final Map<String, StrategyParameter> byName = new LinkedHashMap<>();
        declared.forEach(parameter -> byName.put(parameter.name(), parameter));
        for (final String name : given.keySet())
        {
            if (!byName.containsKey(name))
            {
                throw new ConfigException("strategy '" + strategy + "' has no parameter '" + name + "' " + known(declared));
            }
        }
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, String> texts = new LinkedHashMap<>();
        for (final StrategyParameter parameter : declared)
        {
            final String text = given.getOrDefault(parameter.name(), parameter.defaultValue());
            try
            {
                values.put(parameter.name(), parameter.kind().parse(text));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigException("strategy '" + strategy + "': " + parameter.name() + "=" + text + ": " +
                    ex.getMessage() + " " + known(declared));
            }
            texts.put(parameter.name(), text);
        }
        return new StrategyParameters(List.copyOf(declared), values, Collections.unmodifiableMap(texts));
    }

    /** What a strategy declares, for messages: {@code (its parameters: a=1, b=0.5)} or {@code (it has none)}. */
    public static String known(final List<StrategyParameter> declared)
    {
        if (declared.isEmpty())
        {
            return "(it has none)";
        }
        final List<String> each = new ArrayList<>();
        declared.forEach(parameter -> each.add(parameter.toString()));
        return "(its parameters: " + String.join(", ", each) + ")";
    }

    /** An {@link StrategyParameter.Kind#INTEGER} parameter's value. */
    public long integer(final String name)
    {
        return (Long)value(name, StrategyParameter.Kind.INTEGER);
    }

    /** A {@link StrategyParameter.Kind#DECIMAL} parameter's value, fixed-point with {@link dev.quietloop.wire.Event#SCALE}. */
    public long decimal(final String name)
    {
        return (Long)value(name, StrategyParameter.Kind.DECIMAL);
    }

    /** A {@link StrategyParameter.Kind#BOOLEAN} parameter's value. */
    public boolean flag(final String name)
    {
        return (Boolean)value(name, StrategyParameter.Kind.BOOLEAN);
    }

    /** A {@link StrategyParameter.Kind#TEXT} parameter's value. */
    public String text(final String name)
    {
        return (String)value(name, StrategyParameter.Kind.TEXT);
    }

    /** Every value as text, in the declared order: what the run's {@code config.yaml} records. */
    public Map<String, String> texts()
    {
        return texts;
    }

    /** {@code a=1 b=0.5}, in the declared order. */
    @Override
    public String toString()
    {
        final List<String> each = new ArrayList<>();
        texts.forEach((name, text) -> each.add(name + "=" + text));
        return String.join(" ", each);
    }

    private Object value(final String name, final StrategyParameter.Kind kind)
    {
        for (final StrategyParameter parameter : declared)
        {
            if (parameter.name().equals(name))
            {
                if (parameter.kind() != kind)
                {
                    throw new IllegalArgumentException("parameter '" + name + "' is " + parameter.kind() + ", not " + kind);
                }
                return values.get(name);
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "' declared " + known(declared));
    }
}
