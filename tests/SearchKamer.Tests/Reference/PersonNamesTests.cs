using System.Text.Json;
using SearchKamer.Reference;

namespace SearchKamer.Tests.Reference;

/// <summary>
/// One spelling per person: the ways the bundled letters print one minister become the Tweede Kamer's spelling, and
/// every name in the hand-checked gold file (which is that spelling) stays as it is.
/// </summary>
public class PersonNamesTests
{
    [Theory]
    // As the bundled corpus prints them (letters of 2024; the gold file spells her "Faber-van de Klashorst").
    [InlineData("Faber - Van de Klashorst")]
    [InlineData("Faber – Van de Klashorst")]
    [InlineData("Faber – van de Klashorst")]
    [InlineData("Faber-Van de Klashorst")]
    [InlineData("Faber-van de Klashorst")]
    public void The_spellings_letters_print_of_one_minister_are_one_name(string printed)
    {
        Assert.Equal("Faber-van de Klashorst", PersonNames.Canonical(printed));
    }

    [Fact]
    public void Every_name_of_the_gold_file_is_already_in_its_one_spelling()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Fixtures, "gold", "answers-gold.json"));
        var names = JsonDocument.Parse(stream).RootElement.GetProperty("documents").EnumerateArray()
            .SelectMany(d => d.GetProperty("askers").EnumerateArray().Concat(d.GetProperty("answerers").EnumerateArray()))
            .Select(p => p.GetProperty("name").GetString()!)
            .Distinct()
            .ToList();

        // Double names with and without a prefix, names that start with a prefix, first names before a prefix.
        Assert.Contains("Gräper-van Koolwijk", names);
        Assert.Contains("Yeşilgöz-Zegerius", names);
        Assert.Contains("Van Huffelen", names);
        Assert.Contains("Inge van Dijk", names);
        Assert.All(names, n => Assert.Equal(n, PersonNames.Canonical(n)));
    }
}
