package dev.quietloop.bot.strategy;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.strategy.StrategyParameter;
import dev.quietloop.strategy.StrategyParameters;
import dev.quietloop.strategy.StrategyProvider;
import dev.quietloop.wire.ConfigException;

/**
 * The strategies a bot knows by the name {@code --strategy} takes: every {@link StrategyProvider}
 * that {@link ServiceLoader} finds, the built-in ones on the bot's class path
 * ({@code META-INF/services/dev.quietloop.strategy.StrategyProvider} of the bot's jar) and a plugin's
 * in the jars of {@code --strategy-path}. Loaded once at start-up; nothing here runs on the trading
 * thread.
 */
public final class Strategies
{
    /** Must name a built-in strategy: it is the {@code --strategy} default. */
    public static final String DEFAULT = "ma-crossover";
    /** How a path given to {@code --strategy-path} is named in messages. */
    public static final String PATH_FLAG = "--strategy-path";

    private final Map<String, StrategyProvider> byName;

    private Strategies(final Map<String, StrategyProvider> byName)
    {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The bot's own strategies, with no plugin. */
    public static Strategies builtIn()
    {
        return load(List.of());
    }

    /**
     * The bot's own strategies and those of the jars on {@code strategyPath}: each entry a jar, or a
     * folder whose {@code *.jar} files are all taken.
     *
     * @throws ConfigException in one line: a path that is not there, a folder with no jar, a jar whose
     *                         provider cannot be loaded, a name that is not lower-case letters, digits
     *                         and dashes, or two providers of one name (both named).
     */
    public static Strategies load(final List<Path> strategyPath)
    {
        final ClassLoader loader = strategyPath.isEmpty() ?
            Strategies.class.getClassLoader() : pluginLoader(jars(strategyPath));
        final Map<String, StrategyProvider> byName = new TreeMap<>();
        try
        {
            for (final StrategyProvider provider : ServiceLoader.load(StrategyProvider.class, loader))
            {
                add(byName, provider);
            }
        }
        catch (final ServiceConfigurationError | LinkageError ex)
        {
            // A provider class that is missing, or built against another strategy API.
            throw new ConfigException("cannot load a strategy provider: " + oneLine(ex));
        }
        return new Strategies(byName);
    }

    private static void add(final Map<String, StrategyProvider> byName, final StrategyProvider provider)
    {
        final String name;
        final List<StrategyParameter> parameters;
        try
        {
            name = provider.name();
            parameters = provider.parameters();
        }
        catch (final RuntimeException | LinkageError ex)
        {
            throw new ConfigException("strategy provider " + origin(provider) + " failed: " + oneLine(ex));
        }
        if (!StrategyParameter.isName(name))
        {
            throw new ConfigException("strategy provider " + origin(provider) + " is named '" + name +
                "': a strategy's name is lower-case letters, digits and dashes, a letter first");
        }
        if (null == parameters)
        {
            throw new ConfigException("strategy '" + name + "' (" + origin(provider) + ") declares its parameters as null");
        }
        final StrategyProvider taken = byName.putIfAbsent(name, provider);
        if (null != taken)
        {
            throw new ConfigException("two strategies are named '" + name + "': " + origin(taken) + " and " +
                origin(provider) + " (take one off " + PATH_FLAG + ")");
        }
    }

    /** The known names, sorted and comma-separated, for messages and help. */
    public String names()
    {
        return String.join(", ", byName.keySet());
    }

    /** The known names, sorted. */
    public Set<String> nameSet()
    {
        return byName.keySet();
    }

    /** @throws ConfigException naming the known strategies when the name is unknown. */
    public StrategyProvider provider(final String name)
    {
        final StrategyProvider provider = byName.get(name);
        if (null == provider)
        {
            throw new ConfigException("unknown strategy '" + name + "' (known: " + names() + "; a plugin's jar goes on " +
                PATH_FLAG + ")");
        }
        return provider;
    }

    /**
     * The values {@code name} runs with: {@code given} over its defaults.
     *
     * @throws ConfigException for an unknown strategy, or an unknown or ill-typed parameter, in one line
     *                         listing the strategy's parameters.
     */
    public StrategyParameters parameters(final String name, final Map<String, String> given)
    {
        return StrategyParameters.resolve(name, provider(name).parameters(), given);
    }

    /** The strategy {@code name} with its defaults: {@code --strategy NAME} and no {@code --strategy-param}. */
    public Strategy create(final String name, final StrategyContext context)
    {
        return provider(name).create(context, parameters(name, Map.of()));
    }

    /**
     * What {@code --list-strategies} prints: one line a strategy, sorted, its name first, then each of its
     * parameters as {@code name=default}.
     */
    public List<String> listing()
    {
        final List<String> lines = new ArrayList<>();
        byName.forEach((name, provider) ->
        {
            final StringBuilder line = new StringBuilder(name);
            provider.parameters().forEach(parameter -> line.append(' ').append(parameter));
            lines.add(line.toString());
        });
        return lines;
    }

    private static List<Path> jars(final List<Path> strategyPath)
    {
        final List<Path> jars = new ArrayList<>();
        for (final Path path : strategyPath)
        {
            if (Files.isDirectory(path))
            {
                final List<Path> inFolder = jarsIn(path);
                if (inFolder.isEmpty())
                {
                    throw new ConfigException(PATH_FLAG + " " + path + ": no .jar in this folder");
                }
                jars.addAll(inFolder);
            }
            else if (Files.isRegularFile(path) && Files.isReadable(path))
            {
                jars.add(path);
            }
            else
            {
                throw new ConfigException(PATH_FLAG + " " + path + ": no such jar or folder");
            }
        }
        return jars;
    }

    private static List<Path> jarsIn(final Path folder)
    {
        try (Stream<Path> entries = Files.list(folder))
        {
            return entries.filter(entry -> entry.getFileName().toString().endsWith(".jar") && Files.isRegularFile(entry))
                .sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new ConfigException(PATH_FLAG + " " + folder + ": cannot list (" + ex.getMessage() + ")");
        }
    }

    /** Plugins see the bot's classes (the strategy API first); the loader lives as long as the process. */
    private static ClassLoader pluginLoader(final List<Path> jars)
    {
        final URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++)
        {
            try
            {
                urls[i] = jars.get(i).toUri().toURL();
            }
            catch (final MalformedURLException ex)
            {
                throw new ConfigException(PATH_FLAG + " " + jars.get(i) + ": " + ex.getMessage());
            }
        }
        return new URLClassLoader("strategy-path", urls, Strategies.class.getClassLoader());
    }

    /** Where a provider came from, for messages: its class and its jar (or the bot's class path). */
    private static String origin(final StrategyProvider provider)
    {
        final Class<?> type = provider.getClass();
        final var source = type.getProtectionDomain().getCodeSource();
        return type.getName() + (null == source || null == source.getLocation() ? "" : " in " + source.getLocation().getPath());
    }

    private static String oneLine(final Throwable ex)
    {
        final String message = null == ex.getMessage() ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.replace('\n', ' ');
    }
}
