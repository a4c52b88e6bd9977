namespace SearchKamer.Tests;

/// <summary>The README is what a user follows: its commands must be the ones CI runs, and every doc it links must exist.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void The_ci_script_runs_the_readme_s_test_command_verbatim()
    {
        const string command = "dotnet tool restore && dotnet pwsh ./build.ps1 test";
        Assert.Contains("    " + command + "\n", Readme, StringComparison.Ordinal);
        var ci = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".ci", "run"));
        Assert.Contains(command, ci.Select(l => l.Trim()));
    }

    [Fact]
    public void Every_document_the_readme_links_exists()
    {
        var links = System.Text.RegularExpressions.Regex.Matches(Readme, @"\]\((docs/[^)#]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(File.Exists(Path.Combine(RepoPaths.Root, link)), link));
    }

    [Fact]
    public void Every_sync_setting_is_in_the_configuration_table()
    {
        var settings = typeof(SearchKamer.Sync.SyncOptions).GetProperties().Select(p => p.Name);
        Assert.All(settings, name => Assert.Contains($"`Sync:{name}`", Readme, StringComparison.Ordinal));
    }
}
