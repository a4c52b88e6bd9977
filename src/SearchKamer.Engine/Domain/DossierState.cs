namespace SearchKamer.Domain;

/// <summary>A search hit's dossier in short: status "open", "beantwoord" or "ingetrokken", and the state in words.</summary>
/// <param name="Days">Days from submission to the first answer, or, while open, to today.</param>
public sealed record DossierState(string Zaak, string Status, string State, int? Days, bool Late, bool Postponed, DateOnly? Deadline);
