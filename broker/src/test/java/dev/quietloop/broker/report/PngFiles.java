package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

/** Checks a plot's file: a PNG by its signature, of the size the plots draw. */
final class PngFiles
{
    private static final byte[] SIGNATURE = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngFiles()
    {
    }

    static void assertPlotPng(final Path png) throws IOException
    {
        assertTrue(Files.isRegularFile(png), png + " written");
        final byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > SIGNATURE.length, "size " + bytes.length);
        assertArrayEquals(SIGNATURE, Arrays.copyOf(bytes, SIGNATURE.length));
        final BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO reads " + png);
        assertEquals(PlotPng.WIDTH, image.getWidth());
        assertEquals(PlotPng.HEIGHT, image.getHeight());
    }
}
