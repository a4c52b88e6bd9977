using Xunit;

namespace SearchKamer.Tests;

/// <summary>
/// Facts about the bundled corpus under index-data/corpus that later ingestion and search tests rely on.
/// </summary>
public class RepositoryLayoutTests
{
    private static readonly string Corpus = RepoPaths.Corpus;

    [Fact]
    public void Bundled_corpus_holds_the_sixteen_kamervragen_pdfs()
    {
        Assert.Equal(16, Directory.GetFiles(Path.Combine(Corpus, "pdf"), "*.pdf").Length);
    }

    [Fact]
    public void Bundled_corpus_holds_the_86_limburg_text_documents()
    {
        Assert.Equal(86, Directory.GetFiles(Path.Combine(Corpus, "limburg")).Length);
    }

    [Fact]
    public void Bundled_corpus_holds_the_open_tk_seed_page()
    {
        Assert.True(File.Exists(Path.Combine(Corpus, "seed", "2025D36086-opentk-page.txt")));
    }

    [Fact]
    public void Bundled_corpus_holds_the_four_learninglion_test_strings()
    {
        Assert.Equal(4, Directory.GetFiles(Path.Combine(Corpus, "learninglion-test-strings")).Length);
    }
}
