using SearchKamer.Host.Cli;
using UglyToad.PdfPig.Writer;

namespace SearchKamer.Tests.Ingestion;

/// <summary>
/// A folder of broken files (made here from real PDFs) must give one clear line per file, keep going,
/// count every file and exit with 3 — never a stack trace, never a hang.
/// </summary>
public sealed class BrokenInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-broken-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("searchkamer-data-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void Every_broken_file_gets_one_clear_line_and_the_batch_goes_on()
    {
        var good = RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf");
        var bytes = File.ReadAllBytes(good);
        File.Copy(good, Path.Combine(_dir, "good.pdf"));
        File.WriteAllBytes(Path.Combine(_dir, "truncated.pdf"), bytes[..(bytes.Length / 3)]);
        File.WriteAllBytes(Path.Combine(_dir, "flipped.pdf"), Flip(bytes));
        File.WriteAllBytes(Path.Combine(_dir, "zero-bytes.pdf"), []);
        File.WriteAllBytes(Path.Combine(_dir, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_dir, "png-renamed.pdf"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        File.WriteAllBytes(Path.Combine(_dir, "image-only.pdf"), ImageOnlyPdf());
        File.Copy(Path.Combine(RepoPaths.Fixtures, "not-kamervragen", "40993d1c-f887-482d-89f7-33e41f6f7ed9.pdf"), Path.Combine(_dir, "plenary.pdf"));
        File.Copy(Path.Combine(RepoPaths.Fixtures, "not-kamervragen", "h-tk-20172018-70-1.xml"), Path.Combine(_dir, "handelingen.xml"));
        using (var huge = File.Create(Path.Combine(_dir, "huge.pdf")))
        {
            huge.SetLength(600L * 1024 * 1024);
        }

        File.Copy(Path.Combine(RepoPaths.Fixtures, "broken", "encrypted-user-password.pdf"), Path.Combine(_dir, "encrypted.pdf"));

        var output = new StringWriter();
        var exit = Cli.Dispatch(["ingest", "--data", _data, _dir], output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var files = Directory.GetFiles(_dir);

        Assert.Equal(3, exit);
        foreach (var file in files)
        {
            Assert.Single(lines, l => l.Contains(file, StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("verwerkt", StringComparison.Ordinal) && l.Contains("good.pdf", StringComparison.Ordinal));
        foreach (var name in new[] { "encrypted.pdf", "truncated.pdf", "zero-bytes.pdf", "empty.txt", "png-renamed.pdf", "image-only.pdf", "plenary.pdf", "handelingen.xml", "huge.pdf" })
        {
            var line = Assert.Single(lines, l => l.Contains(name, StringComparison.Ordinal));
            Assert.StartsWith("mislukt", line);
            Assert.True(line.Length > line.IndexOf(name, StringComparison.Ordinal) + name.Length + 3, $"no reason given: {line}");
        }

        Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        Assert.StartsWith($"{files.Length} bestanden:", lines[^1]);
        Assert.Contains($"{files.Length - lines.Count(l => l.StartsWith("verwerkt", StringComparison.Ordinal))} mislukt", lines[^1]);
        Assert.Contains(", 0 ongewijzigd, ", lines[^1]);
    }

    [Fact]
    public void A_folder_of_good_files_exits_with_zero()
    {
        File.Copy(RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf"), Path.Combine(_dir, "a.pdf"));
        File.Copy(RepoPaths.CorpusFile("seed", "2025D36086-opentk-page.txt"), Path.Combine(_dir, "b.txt"));

        var output = new StringWriter();
        Assert.Equal(0, Cli.Dispatch(["ingest", "--data", _data, _dir], output));
        Assert.StartsWith("2 bestanden: 2 verwerkt, 0 ongewijzigd, 0 mislukt", output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    private static byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            copy[random.Next(copy.Length / 4, copy.Length)] ^= 0xFF;
        }

        return copy;
    }

    /// <summary>A page with only a drawn rectangle: a PDF without any text layer, like a scan.</summary>
    private static byte[] ImageOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(50, 50), 300, 400);
        return builder.Build();
    }
}
