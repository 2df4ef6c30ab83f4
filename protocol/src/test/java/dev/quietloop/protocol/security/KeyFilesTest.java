package dev.quietloop.protocol.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZMQ;
import zmq.util.Z85;

class KeyFilesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRoundTripAKeypairThroughZ85AndTheFiles()
    {
        final KeyFiles.KeyPair pair = KeyFiles.KeyPair.generate();
        assertTrue(KeyFiles.isZ85Key(pair.publicKey()));
        assertTrue(KeyFiles.isZ85Key(pair.secretKey()));
        assertEquals(pair.publicKey(), ZMQ.Curve.z85Encode(ZMQ.Curve.z85Decode(pair.publicKey())));
        assertEquals(32, ZMQ.Curve.z85Decode(pair.secretKey()).length);

        KeyFiles.write(dir, "broker", pair, false);

        assertEquals(pair, KeyFiles.readSecret(KeyFiles.secretFile(dir, "broker")));
        assertEquals(pair.publicKey(), KeyFiles.readPublic(KeyFiles.publicFile(dir, "broker")));
        assertFalse(pair.toString().contains(pair.secretKey()), "a secret never goes into a log line");
    }

    @Test
    void shouldWriteTheSecretOwnerOnlyAndThePublicReadable() throws Exception
    {
        KeyFiles.write(dir, "bot", KeyFiles.KeyPair.generate(), false);

        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyFiles.secretFile(dir, "bot"))));
        assertEquals("rw-r--r--",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyFiles.publicFile(dir, "bot"))));
    }

    @Test
    void shouldWriteTheLayoutOfCzmqCertificates() throws Exception
    {
        final KeyFiles.KeyPair pair = KeyFiles.KeyPair.generate();
        KeyFiles.write(dir, "sidecar", pair, false);

        final String secret = Files.readString(KeyFiles.secretFile(dir, "sidecar"));
        assertTrue(secret.contains("curve\n    public-key = \"" + pair.publicKey() + "\"\n"), secret);
        assertTrue(secret.contains("    secret-key = \"" + pair.secretKey() + "\"\n"), secret);
        assertFalse(Files.readString(KeyFiles.publicFile(dir, "sidecar")).contains(pair.secretKey()));
    }

    @Test
    void shouldRefuseToOverwriteUnlessAsked()
    {
        final KeyFiles.KeyPair first = KeyFiles.KeyPair.generate();
        KeyFiles.write(dir, "bot", first, false);

        final ConfigException refused =
            assertThrows(ConfigException.class, () -> KeyFiles.write(dir, "bot", KeyFiles.KeyPair.generate(), false));
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
        assertEquals(first, KeyFiles.readSecret(KeyFiles.secretFile(dir, "bot")), "the old keys are untouched");

        final KeyFiles.KeyPair second = KeyFiles.KeyPair.generate();
        KeyFiles.write(dir, "bot", second, true);
        assertEquals(second, KeyFiles.readSecret(KeyFiles.secretFile(dir, "bot")));
    }

    @Test
    void shouldNameAMissingFile()
    {
        final Path missing = KeyFiles.publicFile(dir, "nobody");

        final ConfigException ex = assertThrows(ConfigException.class, () -> KeyFiles.readPublic(missing));

        assertOneLineNaming(ex, missing);
    }

    @Test
    void shouldNameAFileWithABadKey() throws Exception
    {
        final Path bad = dir.resolve("bad.key");
        Files.writeString(bad, "curve\n    public-key = \"tooShort\"\n");
        assertOneLineNaming(assertThrows(ConfigException.class, () -> KeyFiles.readPublic(bad)), bad);

        final Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "nothing here\n");
        assertOneLineNaming(assertThrows(ConfigException.class, () -> KeyFiles.readPublic(empty)), empty);
    }

    @Test
    void shouldRefuseASecretWhosePublicKeyIsAnotherOnes() throws Exception
    {
        final KeyFiles.KeyPair pair = KeyFiles.KeyPair.generate();
        final KeyFiles.KeyPair other = KeyFiles.KeyPair.generate();
        KeyFiles.write(dir, "bot", new KeyFiles.KeyPair(other.publicKey(), pair.secretKey()), false);
        final Path file = KeyFiles.secretFile(dir, "bot");

        assertOneLineNaming(assertThrows(ConfigException.class, () -> KeyFiles.readSecret(file)), file);
    }

    @Test
    void shouldRefuseASecretOthersMayRead() throws Exception
    {
        KeyFiles.write(dir, "bot", KeyFiles.KeyPair.generate(), false);
        final Path file = KeyFiles.secretFile(dir, "bot");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        final ConfigException ex = assertThrows(ConfigException.class, () -> KeyFiles.readSecret(file));

        assertOneLineNaming(ex, file);
        assertTrue(ex.getMessage().contains("chmod 600"), ex.getMessage());
    }

    @Test
    void shouldUseTheZ85OfTheSpecification()
    {
        // The test vector of the Z85 specification (RFC 32): 8 bytes <-> "HelloWorld".
        final byte[] bytes = {(byte)0x86, 0x4F, (byte)0xD2, 0x6F, (byte)0xB5, 0x59, (byte)0xF7, 0x5B};
        assertArrayEquals(bytes, Z85.decode("HelloWorld"));
        assertEquals("HelloWorld", Z85.encode(bytes, bytes.length));
    }

    private static void assertOneLineNaming(final ConfigException ex, final Path file)
    {
        assertTrue(ex.getMessage().contains(file.toString()), ex.getMessage());
        assertFalse(ex.getMessage().contains("\n"), ex.getMessage());
    }
}
