namespace SearchKamer.Reference;

public static class Ministries { public static string? Canonical(string s) => s.Length == 0 ? null : s.Split(" – ")[0]; }
public static class Parties { public static string Canonical(string s) => s.Trim(); }
