using System.Text;

namespace SearchKamer.Tests;

/// <summary>Reads CSV as a spreadsheet does (RFC 4180), so export tests check the file a user opens, not our own writer.</summary>
public static class Rfc4180
{
    /// <summary>RFC 4180 records: quoted fields with doubled quotes, commas and line breaks inside quotes.</summary>
    public static List<string[]> Read(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (!quoted && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(fields.Count == 0 && field.Length == 0 && !quoted, "the CSV does not end with a complete record");
        return records;
    }
}
