package dev.quietloop.protocol.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.neilalexander.jnacl.crypto.curve25519;
import dev.quietloop.wire.ConfigException;
import org.zeromq.ZMQ;

/**
 * Reads and writes CURVE key files in the layout of czmq's {@code zcert} (and pyzmq's
 * {@code zmq.auth}): {@code NAME.key} holds the public key, {@code NAME.key_secret} the public and
 * the secret key, both in Z85 as {@code curve_keygen} prints them. A secret file is created
 * owner-only (0600) and refused when others may read it, as ssh refuses a private key.
 */
public final class KeyFiles
{
    public static final String PUBLIC_SUFFIX = ".key";
    public static final String SECRET_SUFFIX = ".key_secret";
    /** Length of a 32-byte key in Z85. */
    public static final int Z85_KEY_LENGTH = 40;

    private static final String Z85_ALPHABET =
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final Pattern PUBLIC_KEY = Pattern.compile("^\\s*public-key\\s*=\\s*\"([^\"]*)\"", Pattern.MULTILINE);
    private static final Pattern SECRET_KEY = Pattern.compile("^\\s*secret-key\\s*=\\s*\"([^\"]*)\"", Pattern.MULTILINE);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private KeyFiles()
    {
    }

    /** A keypair in Z85: 40 characters each. */
    public record KeyPair(String publicKey, String secretKey)
    {
        /** A fresh random keypair. */
        public static KeyPair generate()
        {
            final ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
            return new KeyPair(pair.publicKey, pair.secretKey);
        }

        @Override
        public String toString()
        {
            return "KeyPair[publicKey=" + publicKey + "]"; // never the secret, in a log or a stack trace
        }
    }

    public static Path publicFile(final Path dir, final String name)
    {
        return dir.resolve(name + PUBLIC_SUFFIX);
    }

    public static Path secretFile(final Path dir, final String name)
    {
        return dir.resolve(name + SECRET_SUFFIX);
    }

    /**
     * Writes {@code NAME.key} (0644) and {@code NAME.key_secret} (0600) into {@code dir}.
     *
     * @param overwrite replace files already there; else an existing one is a {@link ConfigException}
     */
    public static void write(final Path dir, final String name, final KeyPair pair, final boolean overwrite)
    {
        final String publicText = header("ZeroMQ CURVE Public Certificate",
            "Exchange securely, or use a secure mechanism to verify the contents",
            "of this file after exchange.") +
            "    public-key = \"" + pair.publicKey() + "\"\n";
        final String secretText = header("ZeroMQ CURVE **Secret** Certificate",
            "DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.") +
            "    public-key = \"" + pair.publicKey() + "\"\n" +
            "    secret-key = \"" + pair.secretKey() + "\"\n";
        writeFile(secretFile(dir, name), secretText, OWNER_ONLY, overwrite);
        writeFile(publicFile(dir, name), publicText, PUBLIC, overwrite);
    }

    /** The public key of {@code file}, checked. */
    public static String readPublic(final Path file)
    {
        return key(file, read(file), PUBLIC_KEY, "public-key");
    }

    /** The keypair of a secret file: owner-only, both keys present, and the public one derived from the secret. */
    public static KeyPair readSecret(final Path file)
    {
        final String text = read(file);
        if (isOpenToOthers(file))
        {
            throw new ConfigException("secret key file " + file + " may be read by others: chmod 600 it");
        }
        final KeyPair pair = new KeyPair(key(file, text, PUBLIC_KEY, "public-key"), key(file, text, SECRET_KEY, "secret-key"));
        final byte[] derived = new byte[32];
        curve25519.crypto_scalarmult_base(derived, ZMQ.Curve.z85Decode(pair.secretKey()));
        if (!Arrays.equals(derived, ZMQ.Curve.z85Decode(pair.publicKey())))
        {
            throw new ConfigException("bad key file " + file + ": its public-key does not belong to its secret-key");
        }
        return pair;
    }

    /** True when {@code text} is a 40-character Z85 key. */
    public static boolean isZ85Key(final String text)
    {
        if (text.length() != Z85_KEY_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (Z85_ALPHABET.indexOf(text.charAt(i)) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static String key(final Path file, final String text, final Pattern pattern, final String field)
    {
        final Matcher matcher = pattern.matcher(text);
        if (!matcher.find())
        {
            throw new ConfigException("bad key file " + file + ": no " + field + " = \"...\" line");
        }
        final String key = matcher.group(1);
        if (!isZ85Key(key))
        {
            throw new ConfigException("bad key file " + file + ": its " + field + " is not a 40-character Z85 key");
        }
        return key;
    }

    private static String read(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException("missing key file " + file + " (bin/keys.sh writes it)");
        }
        try
        {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot read key file " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean isOpenToOthers(final Path file)
    {
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ) ||
                permissions.contains(PosixFilePermission.OTHERS_READ);
        }
        catch (final UnsupportedOperationException | IOException ex)
        {
            return false; // no POSIX permissions on this file system: nothing to check
        }
    }

    private static void writeFile(
        final Path file, final String text, final Set<PosixFilePermission> permissions, final boolean overwrite)
    {
        try
        {
            if (overwrite)
            {
                Files.deleteIfExists(file);
            }
            // Created with its permissions, so a secret is never readable by others, not even for a moment.
            final FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(permissions);
            Files.createFile(file, attribute);
            Files.setPosixFilePermissions(file, permissions); // the umask may have taken some away
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        }
        catch (final FileAlreadyExistsException ex)
        {
            throw new ConfigException("key file " + file + " exists: give --force to replace it");
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot write key file " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static String header(final String... lines)
    {
        final StringBuilder text = new StringBuilder("#   ****  Generated by quietloop bin/keys.sh  ****\n");
        for (final String line : lines)
        {
            text.append("#   ").append(line).append('\n');
        }
        return text.append("\nmetadata\ncurve\n").toString();
    }
}
