package dev.quietloop.protocol.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/keys.sh DIR}: writes a CURVE keypair per role ({@code sidecar}, {@code broker},
 * {@code bot}) into DIR as {@code ROLE.key} and {@code ROLE.key_secret}, and prints the public keys.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Writes CURVE keypairs (Z85, as curve_keygen does) for --keys DIR: ROLE.key (public) and " +
        "ROLE.key_secret (secret, mode 0600) per role.")
public final class KeysMain implements Callable<Integer>
{
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Parameters(index = "0", paramLabel = "DIR", description = "the keys folder; made (mode 0700) if missing")
    private Path dir;

    @Option(names = "--role", paramLabel = "NAME",
        description = "repeatable; the roles to write (default: sidecar, broker, bot)")
    private List<String> roles = new ArrayList<>();

    @Option(names = "--force", description = "replace keys already in DIR")
    private boolean force;

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    public static int run(final String... args)
    {
        return Cli.run("keys", new KeysMain(), args);
    }

    @Override
    public Integer call()
    {
        final List<String> names = roles.isEmpty() ?
            List.of(LinkSecurity.SIDECAR, LinkSecurity.BROKER, LinkSecurity.BOT) : List.copyOf(roles);
        for (final String name : names)
        {
            if (!NAME.matcher(name).matches())
            {
                throw new ConfigException("bad --role '" + name + "' (letters, digits, '.', '_', '-')");
            }
            // Checked for every role before any is written: a refusal leaves the folder as it was.
            if (!force && (Files.exists(KeyFiles.publicFile(dir, name)) || Files.exists(KeyFiles.secretFile(dir, name))))
            {
                throw new ConfigException("keys for '" + name + "' exist in " + dir + ": give --force to replace them");
            }
        }
        makeDir();
        for (final String name : names)
        {
            final KeyFiles.KeyPair pair = KeyFiles.KeyPair.generate();
            KeyFiles.write(dir, name, pair, force);
            System.out.println(KeyFiles.publicFile(dir, name) + ": " + pair.publicKey());
        }
        return ExitCodes.OK;
    }

    private void makeDir()
    {
        if (Files.isDirectory(dir))
        {
            return;
        }
        try
        {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot make keys folder " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
