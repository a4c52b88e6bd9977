namespace SearchKamer.Search;

/// <summary>A request parameter that cannot be used; the message names it.</summary>
public sealed class SearchRequestException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
