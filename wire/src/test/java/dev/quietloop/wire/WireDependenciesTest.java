package dev.quietloop.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The wire module is what an outside sidecar author depends on, so it must not pull in the rest
 * of quietloop's runtime: its sources import only the JDK, Chronicle and themselves, and its pom
 * declares Chronicle Wire as its one dependency outside the test scope.
 */
class WireDependenciesTest
{
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Pattern DEPENDENCY = Pattern.compile(
        "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void sourcesImportOnlyTheJdkChronicleAndTheWire() throws IOException
    {
        final TreeSet<String> outside = new TreeSet<>();
        final List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java")))
        {
            sources = walk.filter(path -> path.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no sources found under src/main/java");
        for (final Path source : sources)
        {
            final Matcher imports = IMPORT.matcher(Files.readString(source));
            while (imports.find())
            {
                final String from = imports.group(1);
                if (!from.startsWith("java.") && !from.startsWith("net.openhft.chronicle.") &&
                    !from.startsWith("dev.quietloop.wire"))
                {
                    outside.add(source.getFileName() + " imports " + from);
                }
            }
        }
        assertEquals(new TreeSet<>(), outside);
    }

    @Test
    void thePomDependsOnChronicleWireAlone() throws IOException
    {
        final TreeSet<String> runtime = new TreeSet<>();
        final Matcher dependencies = DEPENDENCY.matcher(Files.readString(Path.of("pom.xml")));
        while (dependencies.find())
        {
            if (!dependencies.group(3).contains("<scope>test</scope>"))
            {
                runtime.add(dependencies.group(1) + ":" + dependencies.group(2));
            }
        }
        assertEquals(new TreeSet<>(List.of("net.openhft:chronicle-wire")), runtime);
    }
}
