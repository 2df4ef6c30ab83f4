package dev.quietloop.broker.metrics;

import java.util.Locale;

/**
 * A counter's dotted name as a Prometheus metric name, by Prometheus conventions: lower case,
 * words apart by underscores, the {@code quietloop_} namespace first. {@code bot.eventsProduced}
 * becomes {@code quietloop_bot_events_produced}, which the text format serves as
 * {@code quietloop_bot_events_produced_total}.
 */
final class MetricNames
{
    static final String NAMESPACE = "quietloop_";

    private MetricNames()
    {
    }

    /** {@code quietloop_} and the name in snake case; any character Prometheus does not take becomes {@code _}. */
    static String of(final String dotted)
    {
        final StringBuilder name = new StringBuilder(NAMESPACE);
        char previous = '_';
        for (int i = 0; i < dotted.length(); i++)
        {
            final char c = dotted.charAt(i);
            if (Character.isUpperCase(c) && previous != '_')
            {
                name.append('_');
            }
            final char lower = Character.toLowerCase(c);
            final char kept = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ? lower : '_';
            if (kept != '_' || previous != '_')
            {
                name.append(kept);
            }
            previous = kept;
        }
        while (name.charAt(name.length() - 1) == '_')
        {
            name.setLength(name.length() - 1);
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }
}
