package dev.quietloop.protocol.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysMainTest
{
    @TempDir
    Path parent;

    @Test
    void shouldWriteAKeypairPerRoleAndRefuseToOverwriteWithoutForce() throws Exception
    {
        final Path dir = parent.resolve("keys");

        assertEquals(ExitCodes.OK, KeysMain.run(dir.toString()));
        for (final String role : new String[] {LinkSecurity.SIDECAR, LinkSecurity.BROKER, LinkSecurity.BOT})
        {
            assertTrue(KeyFiles.isZ85Key(KeyFiles.readSecret(KeyFiles.secretFile(dir, role)).secretKey()), role);
            assertTrue(KeyFiles.isZ85Key(KeyFiles.readPublic(KeyFiles.publicFile(dir, role))), role);
        }
        final String before = Files.readString(KeyFiles.secretFile(dir, LinkSecurity.BOT));

        assertEquals(ExitCodes.USAGE, KeysMain.run(dir.toString()), "keys exist: refused");
        assertEquals(before, Files.readString(KeyFiles.secretFile(dir, LinkSecurity.BOT)));

        assertEquals(ExitCodes.OK, KeysMain.run(dir.toString(), "--force"));
        assertTrue(!before.equals(Files.readString(KeyFiles.secretFile(dir, LinkSecurity.BOT))), "replaced");
    }

    @Test
    void shouldWriteOnlyTheRolesAsked()
    {
        final Path dir = parent.resolve("one");

        assertEquals(ExitCodes.OK, KeysMain.run(dir.toString(), "--role", "bot-2"));

        assertTrue(Files.exists(KeyFiles.secretFile(dir, "bot-2")));
        assertTrue(!Files.exists(KeyFiles.secretFile(dir, LinkSecurity.BROKER)));
    }
}
