package dev.quietloop.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.broker.ingress.IngressReceiver;
import dev.quietloop.broker.report.ReportWriter;
import dev.quietloop.protocol.config.Validate;
import dev.quietloop.wire.ConfigException;

/**
 * The broker's run, part of its {@link BrokerContext}: what it launches (the sidecar stub, a bot
 * on a data file) with which arguments, how many ends of stream end it, its run id and where its
 * report goes. Concluded by the broker's context.
 */
public final class RunContext
{
    /** Where the frames go: a sidecar stub the broker launches, or a sidecar already running. */
    public enum SidecarMode
    {
        LAUNCH_STUB, EXTERNAL
    }

    /** Where the frames come from: a bot the broker launches, or bots started apart from it. */
    public enum BotMode
    {
        LAUNCH, APART
    }

    /** A run id the user gave, which must not be taken; or one generated from the time, which takes a suffix if it is. */
    public enum RunIdOrigin
    {
        GIVEN, GENERATED
    }

    private SidecarMode sidecarMode = SidecarMode.EXTERNAL;
    private List<String> stubArgs = List.of();
    private BotMode botMode = BotMode.APART;
    private List<Path> dataFiles = List.of(Path.of(BrokerConfiguration.DATA_DEFAULT));
    private int bots = 1;
    private List<LaunchedBot> launchedBots = List.of();
    private List<String> botArgs = List.of();
    private Integer expectBots;
    private Path jvmOptionsFile = Path.of(BrokerConfiguration.JVM_OPTIONS_DEFAULT);
    private String runId;
    private RunIdOrigin runIdOrigin = RunIdOrigin.GIVEN;
    private Path reportsDir = Path.of(BrokerConfiguration.REPORTS_DEFAULT);
    private boolean plots = true;
    private int onlySource = IngressReceiver.ANY_SOURCE;

    /** Called by {@link BrokerContext#conclude()}: checks the files and names, works out the defaults left open. */
    void conclude()
    {
        if (botMode == BotMode.LAUNCH)
        {
            launchedBots = whichBots();
        }
        else if (bots != 1)
        {
            throw new ConfigException(BrokerConfiguration.BOTS_FLAG + " " + bots + " needs " +
                BrokerConfiguration.LAUNCH_BOT_FLAG + ": bots started apart are counted by " + BrokerConfiguration.EXPECT_BOTS_FLAG);
        }
        if (null == expectBots)
        {
            expectBots = launchedBots.size();
        }
        Validate.inRange(BrokerConfiguration.EXPECT_BOTS_FLAG, expectBots, 0, Integer.MAX_VALUE);
        if (expectBots > 0 && expectBots < launchedBots.size())
        {
            throw new ConfigException(BrokerConfiguration.EXPECT_BOTS_FLAG + " " + expectBots + " is fewer than the " +
                launchedBots.size() + " bots this broker launches: the run would end before its own bots do");
        }
        if (null == runId)
        {
            runId = LocalDateTime.now().format(BrokerConfiguration.RUN_ID_FORMAT);
            runIdOrigin = RunIdOrigin.GENERATED;
        }
        else if (!BrokerConfiguration.RUN_ID_PATTERN.matcher(runId).matches() || ReportWriter.LATEST_LINK.equals(runId))
        {
            throw new ConfigException("bad " + BrokerConfiguration.RUN_ID_FLAG + " '" + runId +
                "' (letters, digits, '.', '_', '-'; not '" + ReportWriter.LATEST_LINK + "')");
        }
        if ((sidecarMode == SidecarMode.LAUNCH_STUB || botMode == BotMode.LAUNCH) && !Files.isReadable(jvmOptionsFile))
        {
            throw new ConfigException("cannot read JVM options file " + jvmOptionsFile + " (" +
                BrokerConfiguration.JVM_OPTIONS_FLAG + ")");
        }
        // A broker that launches its bots knows whose frames are real; with bots apart, anyone's are.
        onlySource = botMode == BotMode.LAUNCH && expectBots <= launchedBots.size() ?
            launchedBots.get(0).sourceId() : IngressReceiver.ANY_SOURCE;
    }

    /**
     * The bots to launch: {@code --bots N} copies of one data file, or one bot per {@code --data};
     * source ids from the bots' {@code --source-id} (1 unless given) up, one each.
     */
    private List<LaunchedBot> whichBots()
    {
        Validate.inRange(BrokerConfiguration.BOTS_FLAG, bots, 1, BrokerConfiguration.BOTS_MAX);
        if (dataFiles.isEmpty())
        {
            throw new ConfigException(BrokerConfiguration.DATA_FLAG + " needs a FILE");
        }
        if (bots > 1 && dataFiles.size() > 1)
        {
            throw new ConfigException(BrokerConfiguration.BOTS_FLAG + " " + bots + " launches copies of one " +
                BrokerConfiguration.DATA_FLAG + ", and " + dataFiles.size() + " were given: give one file with " +
                BrokerConfiguration.BOTS_FLAG + ", or one " + BrokerConfiguration.DATA_FLAG + " per bot without it");
        }
        for (final Path dataFile : dataFiles)
        {
            if (!(Files.isRegularFile(dataFile) && Files.isReadable(dataFile)))
            {
                throw new ConfigException("cannot read data file " + dataFile + " (" + BrokerConfiguration.DATA_FLAG + ")");
            }
        }
        final int count = Math.max(bots, dataFiles.size());
        final int firstSourceId = ChildArguments.launchedSourceId(botArgs);
        if ((long)firstSourceId + count - 1 > Integer.MAX_VALUE)
        {
            throw new ConfigException(count + " bots from --bot-arg=--source-id=" + firstSourceId + " need ids past " +
                Integer.MAX_VALUE);
        }
        final List<LaunchedBot> launched = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            launched.add(new LaunchedBot(firstSourceId + i, dataFiles.get(dataFiles.size() == 1 ? 0 : i), count == 1));
        }
        return List.copyOf(launched);
    }

    public RunContext sidecarMode(final SidecarMode sidecarMode)
    {
        this.sidecarMode = sidecarMode;
        return this;
    }

    public SidecarMode sidecarMode()
    {
        return sidecarMode;
    }

    public RunContext stubArgs(final List<String> stubArgs)
    {
        this.stubArgs = List.copyOf(stubArgs);
        return this;
    }

    /** Passed to the launched stub after the broker's own. */
    public List<String> stubArgs()
    {
        return stubArgs;
    }

    public RunContext botMode(final BotMode botMode)
    {
        this.botMode = botMode;
        return this;
    }

    public BotMode botMode()
    {
        return botMode;
    }

    /** @param dataFiles one for every launched bot, or one that {@link #bots} bots replay */
    public RunContext dataFiles(final List<Path> dataFiles)
    {
        this.dataFiles = List.copyOf(dataFiles);
        return this;
    }

    /** The market data the launched bots replay, as given. */
    public List<Path> dataFiles()
    {
        return dataFiles;
    }

    /** @param bots how many bots replay the one data file */
    public RunContext bots(final int bots)
    {
        this.bots = bots;
        return this;
    }

    public int bots()
    {
        return bots;
    }

    /** The bots the run launches, worked out by {@link #conclude()}: none unless it launches them. */
    List<LaunchedBot> launchedBots()
    {
        return launchedBots;
    }

    public RunContext botArgs(final List<String> botArgs)
    {
        this.botArgs = List.copyOf(botArgs);
        return this;
    }

    /** Passed to the launched bot after the broker's own. */
    public List<String> botArgs()
    {
        return botArgs;
    }

    /** @param expectBots null for the default: the bots launched, else 0 (the run goes on until a signal) */
    public RunContext expectBots(final Integer expectBots)
    {
        this.expectBots = expectBots;
        return this;
    }

    /** The ends of stream that end the run; 0 for none. */
    public int expectBots()
    {
        return expectBots;
    }

    public RunContext jvmOptionsFile(final Path jvmOptionsFile)
    {
        this.jvmOptionsFile = jvmOptionsFile;
        return this;
    }

    /** The JVM flags of the launched processes ({@code java @FILE}). */
    public Path jvmOptionsFile()
    {
        return jvmOptionsFile;
    }

    /** @param runId the report folder's name, or null for one generated from the time the run starts */
    public RunContext runId(final String runId)
    {
        this.runId = runId;
        return this;
    }

    public String runId()
    {
        return runId;
    }

    public RunIdOrigin runIdOrigin()
    {
        return runIdOrigin;
    }

    public RunContext reportsDir(final Path reportsDir)
    {
        this.reportsDir = reportsDir;
        return this;
    }

    /** Where the run's report folder goes. */
    public Path reportsDir()
    {
        return reportsDir;
    }

    public RunContext plots(final boolean plots)
    {
        this.plots = plots;
        return this;
    }

    /** Draw latency.png and timeline.png at the end of the run (about a second of work). */
    public boolean plots()
    {
        return plots;
    }

    /** The first of the launched bots' sources, whose frames alone the ingest takes, worked out by {@link #conclude()}; or {@link IngressReceiver#ANY_SOURCE}. */
    public int onlySource()
    {
        return onlySource;
    }
}
