namespace SearchKamer.Analysis;

public static class Synonyms { public static IReadOnlyList<string> Expand(string s) => []; }
