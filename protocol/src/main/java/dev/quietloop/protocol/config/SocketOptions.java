package dev.quietloop.protocol.config;

import dev.quietloop.wire.ConfigException;
import picocli.CommandLine.Option;

/**
 * The socket flags every process takes, as a picocli mixin ({@code @Mixin SocketOptions}), turned
 * into {@link SocketSettings} once at start-up. Small values make back-pressure reach the
 * producer sooner: a stall downstream then fills the bot ring instead of queues in between.
 */
public final class SocketOptions
{
    public static final String HWM_FLAG = "--hwm";
    public static final String BUFFER_FLAG = "--socket-buffer-bytes";

    @Option(names = HWM_FLAG, paramLabel = "FRAMES",
        description = "ZeroMQ high-water mark: frames queued per socket before sends are refused (default: ${DEFAULT-VALUE})")
    private int highWaterMark = SocketSettings.DEFAULTS.highWaterMark();

    @Option(names = BUFFER_FLAG, paramLabel = "BYTES",
        description = "kernel SO_SNDBUF/SO_RCVBUF of each socket; 0 keeps the operating system's (default: ${DEFAULT-VALUE})")
    private int kernelBufferBytes = SocketSettings.DEFAULTS.kernelBufferBytes();

    /** The validated settings; a bad value is a {@link ConfigException} naming the flag. */
    public SocketSettings settings()
    {
        if (highWaterMark < 1)
        {
            throw new ConfigException("--hwm must be at least 1: " + highWaterMark);
        }
        if (kernelBufferBytes < 0)
        {
            throw new ConfigException("--socket-buffer-bytes must be 0 or more: " + kernelBufferBytes);
        }
        return SocketSettings.DEFAULTS.withHighWaterMark(highWaterMark).withKernelBufferBytes(kernelBufferBytes);
    }
}
