package dev.quietloop.bot.replay;

import java.nio.file.Path;

import dev.quietloop.wire.ConfigException;

/**
 * The one symbol of a file whose rows carry none (the Binance formats): {@code --symbol}, or the
 * file name's prefix as Binance names its files ({@code BTCUSDT-bookTicker-2024-01-01.csv}).
 */
final class FileSymbol
{
    private static final int MAX_DERIVED_SYMBOL_CHARS = 32;

    private FileSymbol()
    {
    }

    /** The file's one symbol, or null for a format whose rows carry their own. */
    static String resolve(final Path path, final MarketDataFormat format, final String symbolOrNull)
    {
        if (format.carriesSymbol())
        {
            if (symbolOrNull != null)
            {
                throw new ConfigException("--symbol: " + format.cliName() + " files carry their own symbols");
            }
            return null;
        }
        if (symbolOrNull != null)
        {
            if (!SymbolTable.isSymbol(symbolOrNull))
            {
                throw new ConfigException(
                    "--symbol '" + symbolOrNull + "': not a symbol (" + SymbolTable.ALLOWED + ")");
            }
            return symbolOrNull;
        }
        final String name = path.getFileName().toString();
        final int dash = name.indexOf('-');
        final String prefix = dash > 0 ? name.substring(0, dash) : "";
        if (!isPlausibleSymbol(prefix))
        {
            throw new ConfigException(path + ": --symbol SYMBOL is needed for " + format.cliName() +
                " files (their rows carry none, and the file name does not start with one as in " +
                "BTCUSDT-bookTicker-2024-01-01.csv)");
        }
        return prefix;
    }

    /** Letters and digits with at least one letter: {@code BTCUSDT}, not {@code 2024}. */
    private static boolean isPlausibleSymbol(final String text)
    {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            final boolean isLetter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!isLetter && !(c >= '0' && c <= '9'))
            {
                return false;
            }
            letter |= isLetter;
        }
        return letter && text.length() <= MAX_DERIVED_SYMBOL_CHARS;
    }
}
