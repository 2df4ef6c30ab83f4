package dev.quietloop.bot.replay;

/**
 * Why a row of market data was skipped. Every rejected row has exactly one reason, counted in the
 * run summary as {@code bot.rejected.<key>}.
 */
public enum RejectReason
{
    /** Too few or too many comma-separated fields. */
    FIELD_COUNT("fieldCount"),
    /** Not a number where one belongs: empty, letters, overflow, or more than 8 significant decimals. */
    NOT_A_NUMBER("notANumber"),
    /** {@code NaN} or an infinity, in any of the spellings pandas and friends write. */
    NOT_FINITE("notFinite"),
    NON_POSITIVE_SIZE("nonPositiveSize"),
    NON_POSITIVE_PRICE("nonPositivePrice"),
    /** The bid is above the ask; a locked book (bid equal to ask) is accepted. */
    CROSSED_BOOK("crossedBook"),
    /** A symbol with characters outside {@code [A-Za-z0-9._:/-]}, empty, too long, or not in the symbol table. */
    BAD_SYMBOL("badSymbol"),
    /** A boolean or a side that is none of the words the format allows. */
    BAD_VALUE("badValue"),
    LINE_TOO_LONG("lineTooLong");

    private static final RejectReason[] VALUES = values();

    private final String key;

    RejectReason(final String key)
    {
        this.key = key;
    }

    /** The camelCase name used in reports and summary keys. */
    public String key()
    {
        return key;
    }

    static RejectReason of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    static int count()
    {
        return VALUES.length;
    }
}
