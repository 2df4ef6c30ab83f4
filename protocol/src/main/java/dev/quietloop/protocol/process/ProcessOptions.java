package dev.quietloop.protocol.process;

import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.SocketOptions;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.security.SecurityOptions;
import picocli.CommandLine.Mixin;

/**
 * The flags every quietloop process takes, as one picocli mixin ({@code @Mixin ProcessOptions}):
 * its sockets ({@code --hwm}, {@code --socket-buffer-bytes}), its CPUs ({@code --cpus}) and the
 * security of its links ({@code --keys}, {@code --insecure}).
 */
public final class ProcessOptions
{
    @Mixin
    private SocketOptions sockets;

    @Mixin
    private CpuOptions cpus;

    @Mixin
    private SecurityOptions security;

    /** The validated socket settings. */
    public SocketSettings sockets()
    {
        return sockets.settings();
    }

    /** The CPU list as given, or null. */
    public String cpus()
    {
        return cpus.cpus();
    }

    /**
     * @param role       this process's key name
     * @param serverRole the key name of the server it connects to, or null
     */
    public LinkSecurity security(final String role, final String serverRole)
    {
        return security.security(role, serverRole);
    }
}
