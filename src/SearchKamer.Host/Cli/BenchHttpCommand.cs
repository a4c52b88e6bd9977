using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SearchKamer.Bench;
using SearchKamer.Host.Web;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer bench http</c>: HTTP throughput and latency of <c>/api/search</c> under a fixed
/// number of concurrent connections on loopback, with the query set of <c>bench search</c>. It starts
/// the host itself on a bench index (so it can read the host's memory), or loads a running host.
/// </summary>
public static class BenchHttpCommand
{
    private sealed record Settings(string? Index, string? Url, int Connections, int Rate, int Duration, int Warmup, string? Pool, int Queries, string? Inbox,
        int PerClass);

    public static Command Create()
    {
        var index = CliOptions.Text("--index", "MAP", "een bench-index (bench search --data D --keep maakt D/bench-index); de host wordt erop gestart");
        var url = CliOptions.Text("--url", "URL", "een al draaiende host belasten in plaats daarvan");
        var connections = CliOptions.Number("--connections", "N", 16, "gelijktijdige verbindingen");
        var rate = CliOptions.Number("--rate", "R", 0, "open lus: R verzoeken per seconde aanbieden (hoogstens N tegelijk), latentie vanaf het geplande moment;\n"
            + "0: gesloten lus, elke verbinding stuurt het volgende verzoek zodra het antwoord binnen is");
        var duration = CliOptions.Number("--duration", "S", 30, "gemeten seconden");
        var warmup = CliOptions.Number("--warmup", "S", 10, "seconden opwarmen vóór de meting, niet gemeten");
        var pool = CliOptions.Text("--pool", "MAP", "map met de tekstpool voor de zoekvragen (standaard ../shared/bench)");
        var queries = CliOptions.Number("--queries", "N", BenchSearchCommand.DefaultQueries, "zoekvragen per klasse");
        var inbox = CliOptions.Text("--inbox", "PAD", "tijdens de meting de bestanden uit PAD steeds opnieuw in de inbox van de host zetten (alleen met --index)");
        var perClass = CliOptions.Number("--per-class", "R", 0, "na de meting elke klasse apart vragen, R rondes over één verbinding: latentie en (met --index)\n"
            + "host-CPU per verzoek per klasse; 0: niet");
        var command = new Command("http", "HTTP-belasting van /api/search op een bench-index of een draaiende host")
        {
            index, url, connections, rate, duration, warmup, pool, queries, inbox, perClass,
        };
        command.SetAction(r => Run(
            new Settings(r.GetValue(index), r.GetValue(url), r.GetValue(connections), r.GetValue(rate), r.GetValue(duration), r.GetValue(warmup), r.GetValue(pool), r.GetValue(queries), r.GetValue(inbox),
                r.GetValue(perClass)),
            r.InvocationConfiguration));
        return command;
    }

    private static int Run(Settings args, InvocationConfiguration console)
    {
        var output = console.Output;
        var (connections, duration, warmup, perClass, rate) = (args.Connections, args.Duration, args.Warmup, args.Queries, args.Rate);
        if (connections < 1 || duration < 1 || warmup < 0 || perClass < 1 || rate < 0 || args.PerClass < 0)
        {
            throw new CliArgumentException("--connections, --duration en --queries moeten 1 of meer zijn, --warmup, --rate en --per-class 0 of meer");
        }

        var index = args.Index;
        var url = args.Url;
        if ((index is null) == (url is null))
        {
            throw new CliArgumentException("geef precies één van --index en --url");
        }

        var inbox = args.Inbox;
        if (inbox is not null && (index is null || !Directory.Exists(inbox)))
        {
            throw new CliArgumentException("--inbox vraagt een bestaande map en --index");
        }

        TextPool pool;
        try
        {
            pool = new TextPool(Path.GetFullPath(args.Pool ?? BenchSearchCommand.DefaultPool()));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            console.Error.WriteLine($"{e.Message}\ngeef met --pool een map met {TextPool.LawFile} en {TextPool.QaFile}");
            return 2;
        }

        var classes = BenchQueries.Build(pool, BenchPeople.Bundled, perClass)
            .Select(c => (c.Name, (IReadOnlyList<string>)[.. c.Requests.Select(SearchParameters.ApiPath)])).ToList();
        var paths = classes.SelectMany(c => c.Item2).ToList();
        // Interleaved so every stretch of the run asks every class, not 200 single words first.
        paths = paths.Select((p, i) => (p, i)).OrderBy(x => x.i % perClass).ThenBy(x => x.i).Select(x => x.p).ToList();

        using var host = index is null ? null : HostProcess.Start(Path.GetFullPath(index));
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(host?.Url ?? url!),
            Timeout = TimeSpan.FromSeconds(30),
        };
        LoadResult Load(TimeSpan length) => (rate > 0
            ? LoadRun.RunAtRate(client, paths, connections, rate, length)
            : LoadRun.Run(client, paths, connections, length)).GetAwaiter().GetResult();

        output.WriteLine($"bench http: {client.BaseAddress}api/search, {connections} verbindingen, {paths.Count} verschillende zoekvragen, " +
            $"{(rate > 0 ? $"open lus met {rate} verzoeken/s, " : "gesloten lus, ")}{warmup} s opwarmen + {duration} s meten, {Environment.ProcessorCount} cores (host en belasting delen ze)");
        using (var probe = new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromSeconds(5) })
        {
            // A host we start opens the index first; a running one at most finishes its warm-up.
            var ready = HostReadiness.Wait(probe, TimeSpan.FromMinutes(host is null ? 1 : 3), () => host?.Stopped());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host klaar (GET /{HostReadiness.ReadyPath}) na {ready.TotalSeconds:N1} s"));
        }

        // Warmed up with the load as it will be measured, ingest included, so the measurement starts in the
        // steady state of a host that has been serving and ingesting for a while (not with its first files' JIT).
        using var feeding = new CancellationTokenSource();
        var feeder = host is not null && inbox is not null ? Task.Run(() => host.Feed(inbox, feeding.Token)) : Task.FromResult(0);
        Load(TimeSpan.FromSeconds(warmup));

        var hostCpuBefore = host?.CpuTime();
        var stolenBefore = StolenTicks();
        var result = Load(TimeSpan.FromSeconds(duration));
        feeding.Cancel();
        var fed = feeder.GetAwaiter().GetResult();

        Report(output, result);
        if (StolenTicks() is { } stolenAfter && stolenBefore is { } before)
        {
            // On a virtual machine a neighbour can take the cores; this says how much during the measurement.
            var share = (stolenAfter.Stolen - before.Stolen) / (double)Math.Max(1, stolenAfter.All - before.All);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"door de hypervisor ingenomen CPU-tijd: {share * 100:N1}%"));
        }

        if (host is not null)
        {
            var cpu = host.CpuTime() - hostCpuBefore!.Value;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"host-CPU tijdens de meting: {cpu.TotalSeconds / result.Elapsed.TotalSeconds * 100:N0}% van één core, {cpu.TotalMilliseconds / Math.Max(1, result.Requests):N2} ms per verzoek"));

            if (inbox is not null)
            {
                var (done, failed) = host.DrainInbox(TimeSpan.FromSeconds(60));
                output.WriteLine($"inbox tijdens opwarmen en meting: {fed} bestanden gezet, {done} geïndexeerd, {failed} mislukt");
            }

            output.WriteLine($"host-geheugen: piek {host.PeakMb()} MiB (VmHWM), nu {host.CurrentMb()} MiB{ProcMemory.Split(host.Id)}");
        }

        var byClass = args.PerClass == 0 ? [] : ClassRun.Run(client, classes, args.PerClass, host is null ? null : host.CpuTime).GetAwaiter().GetResult();
        if (byClass.Count > 0)
        {
            ReportClasses(output, byClass, args.PerClass);
        }

        return result.Errors == 0 && byClass.All(c => c.Errors == 0) ? 0 : 1;
    }

    private static void Report(TextWriter output, LoadResult r)
    {
        output.WriteLine($"{r.Requests:N0} verzoeken in {r.Elapsed.TotalSeconds:N1} s: {r.PerSecond:N0} verzoeken/s");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latentie ms: p50 {r.Percentile(50):N1}  p95 {r.Percentile(95):N1}  p99 {r.Percentile(99):N1}  max {r.SortedMillis.LastOrDefault():N1}"));
        output.WriteLine("slechtste seconden (p99 / max ms, verzoeken): " + string.Join("; ", r.WorstSeconds(3).Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"seconde {s.Second}: {s.P99:N1} / {s.Max:N1}, {s.Requests}"))));
        output.WriteLine($"statussen: {string.Join(", ", r.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; " +
            $"fouten {r.Errors} (waarvan {r.Failures} zonder antwoord)");
        foreach (var sample in r.FailureSamples)
        {
            output.WriteLine($"  {sample}");
        }
    }

    private static void ReportClasses(TextWriter output, IReadOnlyList<ClassFigures> figures, int rounds)
    {
        output.WriteLine($"per klasse, apart over één verbinding, {rounds} rondes (een zoekvraag alleen mag beide cores gebruiken):");
        foreach (var f in figures)
        {
            var cpu = f.CpuMillis is { } ms ? string.Create(CultureInfo.InvariantCulture, $", host-CPU {ms:N2} ms per verzoek") : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Name,-14} {f.Requests,6:N0} verzoeken, latentie p50 {f.P50:N2} ms{cpu}") +
                (f.Errors > 0 ? $", {f.Errors} niet beantwoord met 2xx" : ""));
        }
    }

    /// <summary>Steal and total ticks of all cores from /proc/stat (Linux only; null elsewhere).</summary>
    private static (long Stolen, long All)? StolenTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return ticks.Length > 7 ? (ticks[7], ticks.Sum()) : null;
    }

    /// <summary>The host as a child process, on a data folder whose index is the bench index.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process _process;
        private readonly string _data;

        private HostProcess(Process process, string data, string url)
        {
            _process = process;
            _data = data;
            Url = url;
        }

        public string Url { get; }

        private string Inbox => Path.Combine(_data, "inbox");

        public static HostProcess Start(string index)
        {
            if (!SearchIndex.Exists(index))
            {
                throw new CliArgumentException($"--index {index}: geen Lucene-index");
            }

            // The host empties an index of another schema to build it again from its files, which a bench index
            // does not have: it would be lost.
            using (var existing = SearchIndex.OpenReadOnly(index))
            {
                if (existing.CommittedSchema() is var schema && schema != SearchIndex.SchemaVersion)
                {
                    throw new CliArgumentException($"--index {index}: gebouwd met schema {schema ?? "onbekend"}, deze versie gebruikt "
                        + $"{SearchIndex.SchemaVersion}; de host zou de index leegmaken. Maak een nieuwe met bench search --data D --keep");
                }
            }

            var data = Path.Combine(Path.GetTempPath(), $"searchkamer-bench-http-{Environment.ProcessId}");
            Directory.CreateDirectory(Path.Combine(data, "corpus"));
            Directory.CreateSymbolicLink(Path.Combine(data, "index"), index);
            var url = $"http://127.0.0.1:{FreePort()}/";
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
            // The host as README "Configuration" advises running it, unless the caller chose a young-generation budget itself.
            GcSettings.ApplyTo(start.Environment);
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(typeof(BenchHttpCommand).Assembly.Location);
            }

            foreach (var a in new[] { "--urls", url, "--SearchKamer:DataDirectory", data, "--Logging:LogLevel:Default", "Warning" })
            {
                start.ArgumentList.Add(a);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new HostProcess(process, data, url);
        }

        /// <summary>Why the host cannot answer any more, or null while it runs.</summary>
        public string? Stopped() => _process.HasExited ? $"de host stopte bij het starten (code {_process.ExitCode})" : null;

        /// <summary>Keeps putting the folder's files into the inbox under fresh names; returns how many.</summary>
        public int Feed(string folder, CancellationToken stop)
        {
            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
            Directory.CreateDirectory(Inbox);
            var fed = 0;
            while (!stop.IsCancellationRequested && files.Length > 0)
            {
                var source = files[fed % files.Length];
                var name = $"bench-{fed:D5}-{Path.GetFileName(source)}";
                // Written under a dot name the watcher ignores, then renamed: it never sees half a file.
                var hidden = Path.Combine(Inbox, "." + name);
                File.Copy(source, hidden, overwrite: true);
                File.Move(hidden, Path.Combine(Inbox, name));
                fed++;
                stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            }

            return fed;
        }

        public (int Done, int Failed) DrainInbox(TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit && Directory.EnumerateFiles(Inbox).Any())
            {
                Thread.Sleep(500);
            }

            int Count(string sub) => Directory.Exists(Path.Combine(Inbox, sub))
                ? Directory.EnumerateFiles(Path.Combine(Inbox, sub)).Count(f => !f.EndsWith(".reason.txt", StringComparison.Ordinal))
                : 0;
            return (Count("done") - Count("failed"), Count("failed"));
        }

        /// <summary>CPU time the host has used so far (its cores busy serving, whatever the machine's noise).</summary>
        public TimeSpan CpuTime()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        public int Id => _process.Id;

        public long PeakMb() => ProcMemory.Mb(_process.Id, "VmHWM") ?? _process.PeakWorkingSet64 / (1024 * 1024);

        public long CurrentMb() => ProcMemory.Mb(_process.Id, "VmRSS") ?? _process.WorkingSet64 / (1024 * 1024);

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            try
            {
                // The link first, on its own: the bench index it points to must survive the clean-up.
                Directory.Delete(Path.Combine(_data, "index"));
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; the index behind the link is never deleted.
            }
        }
    }
}
