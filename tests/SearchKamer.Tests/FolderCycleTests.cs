using System.Text.RegularExpressions;

namespace SearchKamer.Tests;

/// <summary>
/// The folders read as a data flow (Ingestion → Analysis → Indexing → Search → Host, with Storage, SavedSearches
/// and Sync beside them), so no two top-level folders of a project may depend on each other, directly or round
/// a loop. A folder depends on another when one of its files names that folder's namespace: a <c>using</c>, an
/// alias, or a qualified name (<c>Ingestion.Parsing.Identifiers</c>); comments and strings do not count.
/// </summary>
public sealed partial class FolderCycleTests
{
    [GeneratedRegex(@"""""""[\s\S]*?""""""|@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'|//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex CommentsAndStrings();

    [Theory]
    [InlineData("src/SearchKamer.Engine", "SearchKamer")]
    [InlineData("src/SearchKamer.Host", "SearchKamer.Host")]
    public void No_two_top_level_folders_depend_on_each_other(string project, string rootNamespace)
    {
        var graph = Dependencies(Path.Combine(RepoPaths.Root, project), rootNamespace);

        Assert.True(graph.Count > 2, $"{project}: fewer folders than expected; is the path right?");
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"{project}: folders depend on each other in a loop: " +
            string.Join(" → ", cycle ?? []) + " (" + string.Join("; ", (cycle ?? []).Zip((cycle ?? []).Skip(1), (a, b) => $"{a}/{graph[a][b]} names {b}")) + ")");
    }

    [Fact]
    public void A_loop_between_two_folders_is_found()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>
        {
            ["Analysis"] = new() { ["Indexing"] = "DutchAnalysis.cs" },
            ["Indexing"] = new() { ["Analysis"] = "SearchIndex.cs", ["Domain"] = "DocumentMapper.cs" },
            ["Domain"] = [],
        };

        Assert.Equal(["Analysis", "Indexing", "Analysis"], FindCycle(graph));
        Assert.Null(FindCycle(new() { ["Indexing"] = new() { ["Analysis"] = "SearchIndex.cs" }, ["Analysis"] = [] }));
    }

    /// <summary>Per folder, the folders its files name, each with one file that names it.</summary>
    private static Dictionary<string, Dictionary<string, string>> Dependencies(string project, string rootNamespace)
    {
        var folders = Directory.GetDirectories(project).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj" or "Properties" or "wwwroot") && Directory.EnumerateFiles(Path.Combine(project, f), "*.cs", SearchOption.AllDirectories).Any())
            .ToList();
        var graph = folders.ToDictionary(f => f, _ => new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(project, folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = CommentsAndStrings().Replace(File.ReadAllText(file), " ");
                foreach (var other in folders.Where(o => o != folder && Names(code, rootNamespace, o)))
                {
                    graph[folder].TryAdd(other, Path.GetFileName(file));
                }
            }
        }

        return graph;
    }

    // "using SearchKamer.Sync;", "SearchKamer.Sync.SyncState", or "Sync.SyncState" not after a dot or a letter.
    private static bool Names(string code, string rootNamespace, string folder) =>
        Regex.IsMatch(code, $@"(?<![\w.])(?:{Regex.Escape(rootNamespace)}\.)?{folder}(?=\s*[.;])");

    /// <summary>A path that comes back to where it started (first folder repeated at the end), or null.</summary>
    private static List<string>? FindCycle(Dictionary<string, Dictionary<string, string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the current path, 2: done
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Keys.Where(graph.ContainsKey).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path[path.IndexOf(next)..], next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Where(n => state.GetValueOrDefault(n) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }
}
