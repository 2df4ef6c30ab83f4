package dev.quietloop.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import dev.quietloop.dist.Script.Result;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CURVE through the real scripts: bin/keys.sh writes the keys, and bin/run-bot.sh --keys runs the
 * three processes with CURVE on both links, with the same account as a plain run.
 */
class CurveIT
{
    private static final String SAMPLE = QuietloopProcess.ROOT.resolve("data/sample-quotes.csv").toString();

    @TempDir
    Path dir;

    @Test
    void shouldBalanceARunWithCurveOnEveryLink() throws Exception
    {
        final Path keys = dir.resolve("keys");
        final Result made = Script.run(dir, "keys.sh", keys.toString());
        assertEquals(ExitCodes.OK, made.exit(), made.output());
        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("broker.key_secret"))));

        final Result result = Script.run(dir, "run-bot.sh", "--keys", keys.toString(), "--run-id", "curve",
            "--reports", dir.resolve("reports").toString(), "--ingest", "tcp://127.0.0.1:0",
            "--bot-arg=--idle-trading=backoff", "--quiet");

        assertEquals(ExitCodes.OK, result.exit(), result.output());
        final Path run = dir.resolve("reports/curve");
        final Map<String, Long> summary = SummaryJson.read(run.resolve("summary.json"));
        final long produced = summary.get("bot.eventsProduced");
        assertTrue(produced > 0, "the sample produces events");
        assertEquals(produced, summary.get("bot.eventsSent"));
        assertEquals(produced, summary.get("broker.eventsReceived"));
        assertEquals(produced, summary.get("broker.eventsForwarded"));
        assertEquals(produced, summary.get("sidecar.eventsReceived"), "every event came through both CURVE links");
        assertEquals(0L, summary.get("sidecar.gaps"));
        assertEquals(0L, summary.get("broker.authRejected"));
        assertEquals(0L, summary.get("sidecar.authRejected"));
        assertEquals(0L, summary.get("bot.linkRejected"));
        final Map<?, ?> config = YamlDocument.read(run.resolve("config.yaml"));
        for (final String section : List.of("broker", "bot", "sidecar"))
        {
            assertEquals(keys.toAbsolutePath().toString(), YamlDocument.map(config, section).get("keys"),
                section + " says it ran with the keys, under the flag's key that --config reads back");
        }
    }

    @Test
    void shouldRefuseToOverwriteKeys() throws Exception
    {
        final Path keys = dir.resolve("keys");
        assertEquals(ExitCodes.OK, Script.run(dir, "keys.sh", keys.toString()).exit());
        final String secret = Files.readString(keys.resolve("bot.key_secret"));

        ScriptsIT.assertOneLineError(Script.run(dir, "keys.sh", keys.toString()), "--force");

        assertEquals(secret, Files.readString(keys.resolve("bot.key_secret")));
    }

    @Test
    void shouldRefuseAnIngestOffLoopbackWithoutKeysNamingKeys() throws Exception
    {
        // Refused while the flags are checked: nothing is bound.
        ScriptsIT.assertOneLineError(Script.run(dir, "run-bot.sh", "--ingest", "tcp://0.0.0.0:0",
            "--reports", dir.resolve("reports").toString()), "--keys");
        ScriptsIT.assertOneLineError(Script.run(dir, "bot.sh", "--data", SAMPLE, "--broker", "tcp://192.0.2.1:5556"), "--keys");
        ScriptsIT.assertOneLineError(Script.run(dir, "sidecar-stub.sh", "--bind", "tcp://0.0.0.0:0"), "--keys");
    }

    @Test
    void shouldNameAMissingKeyFile() throws Exception
    {
        final Path keys = dir.resolve("keys");
        assertEquals(ExitCodes.OK, Script.run(dir, "keys.sh", keys.toString(), "--role", "bot").exit());

        ScriptsIT.assertOneLineError(Script.run(dir, "bot.sh", "--data", SAMPLE, "--keys", keys.toString()),
            keys.resolve("broker.key").toString());
    }
}
