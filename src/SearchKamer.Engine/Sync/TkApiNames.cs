namespace SearchKamer.Sync;

/// <summary>
/// Every Tweede Kamer open-data name the connector depends on: URL paths, SyncFeed categories, entity
/// element and attribute names, and the Soort/Relatie values. The OData rename of 2026 (v4 → v5) and
/// any later one should only touch this file. Element names are compared case-insensitively because
/// the feed is not consistent (citeerTitel vs citeertitel).
/// </summary>
public static class TkApiNames
{
    public const string FeedPath = "SyncFeed/2.0/Feed";

    /// <summary>The SyncFeed's file endpoint; unaffected by the OData version change, unlike Document(id)/resource.</summary>
    public const string ResourcePath = "SyncFeed/2.0/Resources/{0}";

    public const string CategoryParameter = "category";
    public const string SkiptokenParameter = "skiptoken";

    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string TkNamespace = "http://www.tweedekamer.nl/xsd/tkData/v1-0";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>
    /// The OData v4/2.0 endpoint, used only for backfills of a date range (tk-open-data.md §4–§6). Its
    /// PascalCase names are the SyncFeed's lowerCamelCase ones; the v5 renames should only touch this class.
    /// </summary>
    public static class OData
    {
        public const string Root = "OData/v4/2.0/";
        public const string DocumentSet = "Document";
        public const string Value = "value";
        public const string NextLink = "@odata.nextLink";

        public const string Id = "Id";
        public const string Soort = "Soort";
        public const string DocumentNummer = "DocumentNummer";
        public const string Onderwerp = "Onderwerp";
        public const string Datum = "Datum";
        public const string Vergaderjaar = "Vergaderjaar";
        public const string Aanhangselnummer = "Aanhangselnummer";
        public const string ContentType = "ContentType";
        public const string ContentLength = "ContentLength";
        public const string GewijzigdOp = "GewijzigdOp";
        public const string ApiGewijzigdOp = "ApiGewijzigdOp";
        public const string Verwijderd = "Verwijderd";
        public const string Nummer = "Nummer";
        public const string GestartOp = "GestartOp";
        public const string ActorNaam = "ActorNaam";
        public const string ActorFractie = "ActorFractie";
        public const string Functie = "Functie";
        public const string Relatie = "Relatie";
        public const string PersoonId = "Persoon_Id";
        public const string FractieId = "Fractie_Id";

        /// <summary>Navigation properties expanded on each document.</summary>
        public const string Zaak = "Zaak";
        public const string ZaakActor = "ZaakActor";
        public const string DocumentActor = "DocumentActor";
    }

    public static class Categories
    {
        public const string Fractie = "Fractie";
        public const string Persoon = "Persoon";
        public const string Zaak = "Zaak";
        public const string ZaakActor = "ZaakActor";
        public const string Document = "Document";
        public const string DocumentActor = "DocumentActor";

        /// <summary>Read in this order, so that a document's zaak, actors and parties are staged before the document is ingested.</summary>
        public static readonly IReadOnlyList<string> InOrder = [Fractie, Persoon, Zaak, ZaakActor, Document, DocumentActor];

        /// <summary>
        /// The category a feed entry names, in the PascalCase the request uses, or null when the sync does not know it.
        /// The live feed writes the entry's term as the entity element's name (<c>document</c>, <c>zaakActor</c>) while
        /// requests and next links say <c>Document</c>; older copies and third-party fixtures use PascalCase.
        /// </summary>
        public static string? Known(string? term) =>
            term is null ? null : InOrder.FirstOrDefault(c => c.Equals(term.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Attributes on the entity element (id without namespace, the others in the tk namespace).</summary>
    public static class Attributes
    {
        public const string Id = "id";
        public const string Bijgewerkt = "bijgewerkt";
        public const string Verwijderd = "verwijderd";
        public const string ContentType = "contentType";
        public const string ContentLength = "contentLength";
        public const string Ref = "ref";
    }

    /// <summary>Child element names (lowerCamelCase OData names).</summary>
    public static class Fields
    {
        public const string Soort = "soort";
        public const string Nummer = "nummer";
        public const string DocumentNummer = "documentNummer";
        public const string Onderwerp = "onderwerp";
        public const string Titel = "titel";
        public const string Datum = "datum";
        public const string Vergaderjaar = "vergaderjaar";
        public const string Aanhangselnummer = "aanhangselnummer";
        public const string GestartOp = "gestartOp";
        public const string Zaak = "zaak";
        public const string Document = "document";
        public const string Persoon = "persoon";
        public const string Fractie = "fractie";
        public const string ActorNaam = "actorNaam";
        public const string ActorFractie = "actorFractie";
        public const string Functie = "functie";
        public const string Relatie = "relatie";
        public const string Achternaam = "achternaam";
        public const string Tussenvoegsel = "tussenvoegsel";
        public const string Initialen = "initialen";
        public const string Afkorting = "afkorting";
        public const string NaamNl = "naamNL";
    }

    public static class DocumentSoort
    {
        public const string Vragen = "Schriftelijke vragen";
        public const string Antwoord = "Antwoord schriftelijke vragen";
        public const string NaderAntwoord = "Antwoord schriftelijke vragen (nader)";
        public const string Uitstel = "Mededeling (uitstel antwoord)";
        public const string Mededeling = "Mededeling";

        /// <summary>The soorten whose files are fetched and indexed; new soorten upstream are ignored, not fatal.</summary>
        public static readonly IReadOnlyList<string> Relevant = [Vragen, Antwoord, NaderAntwoord, Uitstel, Mededeling];

        public static bool IsRelevant(string? soort) =>
            soort is not null && Relevant.Contains(soort.Trim(), StringComparer.OrdinalIgnoreCase);

        public static bool IsAnswer(string? soort) =>
            soort is not null && soort.StartsWith(Antwoord, StringComparison.OrdinalIgnoreCase);
    }

    public static class ZaakSoort
    {
        public const string Vragen = "Schriftelijke vragen";
    }

    public static class Relatie
    {
        public const string Indiener = "Indiener";
        public const string Medeindiener = "Medeindiener";
        public const string GerichtAan = "Gericht aan";
    }
}
