package dev.quietloop.perf.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** One figure over the repeats of a scenario: its median, and the lowest and highest seen. */
record Spread(double median, double min, double max)
{
    static <T> Spread of(final List<T> runs, final ToDoubleFunction<T> figure)
    {
        final double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0)
        {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        final int mid = values.length / 2;
        final double median = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return new Spread(median, values[0], values[values.length - 1]);
    }

    static Spread of(final double... values)
    {
        return of(Arrays.stream(values).boxed().toList(), Double::doubleValue);
    }

    /** Nanoseconds shown as microseconds: {@code 12.3 (11.9–14.0)}. */
    String micros()
    {
        return microsBeside(median);
    }

    /** Another figure, such as one pooled over the runs, with this range beside it, as {@link #micros()}. */
    String microsBeside(final double nanos)
    {
        return String.format(Locale.ROOT, "%s (%s–%s)", us(nanos), us(min), us(max));
    }

    /** A count or rate: {@code 20000 (19800–20100)}. */
    String plain()
    {
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", median, min, max);
    }

    private static String us(final double nanos)
    {
        if (Double.isNaN(nanos) || nanos < 0)
        {
            return "-";
        }
        final double micros = nanos / 1000.0;
        return micros >= 100 ? String.format(Locale.ROOT, "%.0f", micros) : String.format(Locale.ROOT, "%.1f", micros);
    }
}
