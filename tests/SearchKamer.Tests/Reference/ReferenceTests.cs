using SearchKamer.Reference;
using Xunit;

namespace SearchKamer.Tests.Reference;

public sealed class ReferenceTests
{
    [Theory]
    [InlineData("Financiën – Fiscaliteit en Belastingdienst", "Financiën")]
    [InlineData("Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport", "Volksgezondheid, Welzijn en Sport")]
    [InlineData("Volksgezondheid, Welzijn en Sport - Jeugd, Preventie en Sport", "Volksgezondheid, Welzijn en Sport")]
    [InlineData("BZ", "Buitenlandse Zaken")]
    [InlineData("BZK", "Binnenlandse Zaken en Koninkrijksrelaties")]
    [InlineData("JenV", "Justitie en Veiligheid")]
    [InlineData("LVVN", "Landbouw, Visserij, Voedselzekerheid en Natuur")]
    [InlineData("Binnenlandse Zaken en koninkrijksrelaties", "Binnenlandse Zaken en Koninkrijksrelaties")]
    [InlineData("Minister van Justitie en Veiligheid", "Justitie en Veiligheid")]
    [InlineData("de  minister van Onderwijs, Cultuur en Wetenschap", "Onderwijs, Cultuur en Wetenschap")]
    [InlineData("MinisterKlimaat en Groene Groei", "Klimaat en Groene Groei")]
    [InlineData("Minister Justitie en Veiligheid", "Justitie en Veiligheid")]
    [InlineData("Staatssecretaris van Financiën", "Financiën")]
    [InlineData("Minister voor Klimaat en Energie", "Economische Zaken en Klimaat")]
    [InlineData("Minister voor Langdurige Zorg en Sport", "Volksgezondheid, Welzijn en Sport")]
    [InlineData("Langdurige Zorg en Sport", "Volksgezondheid, Welzijn en Sport")]
    [InlineData("Minister voor Natuur en Stikstof", "Landbouw, Natuur en Voedselkwaliteit")]
    [InlineData("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "Buitenlandse Zaken")]
    [InlineData("Buitenlandse Handel en Ontwikkelingshulp", "Buitenlandse Zaken")]
    [InlineData("Minister-president", "Algemene Zaken")]
    [InlineData("minister-president", "Algemene Zaken")]
    [InlineData("Asiel en Migratie", "Asiel en Migratie")]
    [InlineData("Volkshuisvesting en Ruimtelijke Ordening", "Volkshuisvesting en Ruimtelijke Ordening")]
    [InlineData("Minister voor Volkshuisvesting en Ruimtelijke Ordening", "Binnenlandse Zaken en Koninkrijksrelaties")]
    [InlineData("veiligheid en justitie", "Veiligheid en Justitie")]
    [InlineData("Infrastructuur en Milieu", "Infrastructuur en Milieu")]
    public void Printed_portfolio_maps_to_its_ministry(string printed, string expected) =>
        Assert.Equal(expected, Ministries.Canonical(printed));

    [Theory]
    [InlineData("Algemene Inlichtingen- en Veiligheidsdienst")]
    [InlineData("Jeugd, Preventie en Sport")]
    [InlineData("")]
    [InlineData("Ministerie van Toverkunst")]
    public void Unknown_portfolio_gives_null(string printed) => Assert.Null(Ministries.Canonical(printed));

    [Fact]
    public void Every_ministry_in_the_openkamer_fixture_is_known()
    {
        // Names of all 60 ministries in government.json (cabinets Balkenende III to Rutte III), lower case as stored there.
        string[] fixture =
        [
            "algemene zaken", "volksgezondheid, welzijn en sport", "binnenlandse zaken en koninkrijksrelaties",
            "landbouw, natuur en voedselkwaliteit", "buitenlandse zaken", "financiën", "veiligheid en justitie",
            "economische zaken", "defensie", "onderwijs, cultuur en wetenschap", "infrastructuur en milieu",
            "sociale zaken en werkgelegenheid", "justitie", "volkshuisvesting, ruimtelijke ordening en milieubeheer",
            "verkeer en waterstaat",
        ];

        Assert.All(fixture, name => Assert.NotNull(Ministries.Canonical(name)));
        Assert.Contains("Financiën", Ministries.All);
    }

    [Theory]
    [InlineData("Nieuw Sociaal Contract", "NSC")]
    [InlineData("NSC", "NSC")]
    [InlineData("nieuw sociaal  contract", "NSC")]
    [InlineData("GroenLinks-PvdA", "GroenLinks-PvdA")]
    [InlineData("GroenLinks - PvdA", "GroenLinks-PvdA")]
    [InlineData("Groenlinks-PvdA", "GroenLinks-PvdA")]
    [InlineData("Partij voor de Dieren", "PvdD")]
    [InlineData("pvdd", "PvdD")]
    [InlineData("CU", "ChristenUnie")]
    [InlineData("Forum voor Democratie", "FVD")]
    [InlineData("FvD", "FVD")]
    [InlineData("Ja21", "JA21")]
    [InlineData("Volt", "Volt")]
    [InlineData("DENK", "DENK")]
    [InlineData("BBB", "BBB")]
    [InlineData("Socialistische Partij", "SP")]
    [InlineData("Christen-Democratisch Appèl", "CDA")]
    public void Printed_party_maps_to_its_canonical_name(string printed, string expected) =>
        Assert.Equal(expected, Parties.Canonical(printed));

    [Fact]
    public void Unknown_party_passes_through_trimmed() =>
        Assert.Equal("Partij van de Toekomst", Parties.Canonical("  Partij  van de Toekomst "));

    [Fact]
    public void Parties_seen_in_the_corpus_are_canonical_already()
    {
        string[] printed = ["GroenLinks-PvdA", "PvdD", "BBB", "NSC", "Volt", "JA21", "DENK", "SGP", "ChristenUnie", "FVD", "PVV", "VVD", "CDA", "D66", "SP", "PvdA", "GroenLinks"];

        Assert.All(printed, p => Assert.Equal(p, Parties.Canonical(p)));
        Assert.All(printed, p => Assert.Contains(p, Parties.All));
    }
}
