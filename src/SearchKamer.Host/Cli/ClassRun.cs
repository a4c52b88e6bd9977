namespace SearchKamer.Host.Cli;

/// <summary>One query class of a per-class run: its requests, those not answered 200, latency and the host's CPU.</summary>
/// <param name="CpuMillis">Host CPU per request, where the host's CPU time is known (a host <c>bench http</c> started).</param>
public sealed record ClassFigures(string Name, int Requests, int Errors, double P50, double? CpuMillis);

/// <summary>
/// Each query class asked on its own, over one connection, one request at a time (<see cref="LoadRun.Serial"/>): where a
/// load run tells how much the host serves, this tells which classes its CPU goes to. A lone search may use every core
/// (see <c>SearchLimits.SplitAbove</c>), so the figures compare classes and builds, not the CPU a request costs under load.
/// </summary>
public static class ClassRun
{
    /// <param name="hostCpu">The host's CPU time so far (null: unknown, only latency is measured).</param>
    public static async Task<IReadOnlyList<ClassFigures>> Run(HttpClient client, IReadOnlyList<(string Name, IReadOnlyList<string> Paths)> classes,
        int rounds, Func<TimeSpan>? hostCpu)
    {
        var figures = new List<ClassFigures>();
        foreach (var (name, paths) in classes)
        {
            var cpuBefore = hostCpu?.Invoke();
            var result = await LoadRun.Serial(client, paths, rounds);
            var cpu = hostCpu is null || result.Requests == 0 ? (double?)null : (hostCpu() - cpuBefore!.Value).TotalMilliseconds / result.Requests;
            figures.Add(new ClassFigures(name, result.Requests, result.Errors, result.Percentile(50), cpu));
        }

        return figures;
    }
}
