namespace SearchKamer.Ingestion.Extraction;

/// <summary>Collects multi-valued metadata in first-seen order, ignoring repeated values.</summary>
internal sealed class MetadataBuilder
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public void Add(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!_values.TryGetValue(key, out var list))
        {
            list = [];
            _values[key] = list;
        }

        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Build() =>
        _values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.ToArray(), StringComparer.Ordinal);
}
