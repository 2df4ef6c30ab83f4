package dev.quietloop.protocol.security;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The {@code --keys} and {@code --insecure} flags every process takes, as a picocli mixin, turned
 * into {@link LinkSecurity} once at start-up.
 */
public final class SecurityOptions
{
    @Option(names = LinkSecurity.KEYS_FLAG, paramLabel = "DIR",
        description = "CURVE on every link of this process, with the keys bin/keys.sh wrote to DIR; its servers " +
        "admit only clients whose public key is a *.key file in DIR (default: off)")
    private Path keysDir;

    @Option(names = LinkSecurity.INSECURE_FLAG,
        description = "allow a bind or connect off loopback without --keys: nothing authenticates or encrypts it")
    private boolean insecure;

    /**
     * @param role       this process's key name in DIR
     * @param serverRole the key name of the server it connects to, or null
     */
    public LinkSecurity security(final String role, final String serverRole)
    {
        return LinkSecurity.of(keysDir, insecure, role, serverRole);
    }
}
