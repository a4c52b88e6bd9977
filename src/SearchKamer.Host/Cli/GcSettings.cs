namespace SearchKamer.Host.Cli;

/// <summary>
/// The runtime sizes its young generation from the CPU's cache, and a virtual machine that reports none (as the
/// 2-core benchmark machines do) gets about 3 MB: a search allocates 0.5–1 MB, so every few searches stopped both
/// cores for a collection. The budget can only be given through the environment before the runtime starts (not in
/// runtimeconfig.json), so <c>build.ps1 run</c> and <c>bench</c> and the host <c>bench http</c> starts set it (README "Configuration").
/// </summary>
public static class GcSettings
{
    public const string YoungBudgetVariable = "DOTNET_GCgen0size";

    /// <summary>64 MB, in the hexadecimal the runtime reads.</summary>
    public const string YoungBudget = "0x4000000";

    /// <summary>Gives a process about to start the young-generation budget, unless its caller chose one.</summary>
    public static void ApplyTo(IDictionary<string, string?> environment)
    {
        if (string.IsNullOrEmpty(environment.TryGetValue(YoungBudgetVariable, out var set) ? set : null))
        {
            environment[YoungBudgetVariable] = YoungBudget;
        }
    }
}
