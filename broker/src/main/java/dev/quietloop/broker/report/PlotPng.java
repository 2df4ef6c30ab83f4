package dev.quietloop.broker.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * What the report's plots share: the picture's size, a headless AWT, and a PNG written to exactly
 * the path asked for.
 */
final class PlotPng
{
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    private static final String HEADLESS = "java.awt.headless";

    private PlotPng()
    {
    }

    /**
     * Makes AWT headless unless the process has already chosen. A PNG needs no display, yet with
     * the property unset AWT on Linux connects to the X server that {@code DISPLAY} names (slow, and
     * an error once a forwarded display has gone) and on macOS puts an icon in the Dock. AWT reads
     * the property once, when it starts, so this must run before a chart is built.
     */
    static void headless()
    {
        if (null == System.getProperty(HEADLESS))
        {
            System.setProperty(HEADLESS, "true");
        }
    }

    /**
     * Turns a chart without series into one that says why, in its title and in the middle: XChart
     * would otherwise draw axes from -1 to 1, a range no data ever had.
     */
    static void nothingToDraw(final XYChart chart, final String note)
    {
        chart.setTitle(chart.getTitle() + " (" + note + ")");
        final XYStyler styler = chart.getStyler();
        styler.setAxisTicksVisible(false);
        styler.setPlotGridLinesVisible(false);
        chart.addAnnotation(new AnnotationText(note, WIDTH / 2.0, HEIGHT / 2.0, true));
    }

    /** Through a stream: XChart's file-name overload appends ".png" to a name that lacks it. */
    static void write(final XYChart chart, final Path png)
    {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(png)))
        {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + png, ex);
        }
    }
}
