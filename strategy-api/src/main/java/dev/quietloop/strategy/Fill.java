package dev.quietloop.strategy;

/**
 * A fill of one of the strategy's orders: one reused, mutable flyweight, valid only during
 * {@link Strategy#onFill}. Prices and quantities are fixed-point.
 */
public final class Fill
{
    private long orderId;
    private int symbolId;
    private byte side;
    private long price;
    private long quantity;
    private long leavesQuantity;
    private long position;

    public Fill set(
        final long orderId,
        final int symbolId,
        final byte side,
        final long price,
        final long quantity,
        final long leavesQuantity,
        final long position)
    {
        this.orderId = orderId;
        this.symbolId = symbolId;
        this.side = side;
        this.price = price;
        this.quantity = quantity;
        this.leavesQuantity = leavesQuantity;
        this.position = position;
        return this;
    }

    public long orderId()
    {
        return orderId;
    }

    public int symbolId()
    {
        return symbolId;
    }

    public byte side()
    {
        return side;
    }

    /** The price of this fill. */
    public long price()
    {
        return price;
    }

    /** The quantity of this fill. */
    public long quantity()
    {
        return quantity;
    }

    /** What is left of the order after this fill; 0 when it is done. */
    public long leavesQuantity()
    {
        return leavesQuantity;
    }

    /** The symbol's position after this fill. */
    public long position()
    {
        return position;
    }

    @Override
    public String toString()
    {
        return "Fill{orderId=" + orderId + ", symbolId=" + symbolId + ", side=" + side + ", " + quantity + "@" +
            price + ", leaves=" + leavesQuantity + ", position=" + position + '}';
    }
}
