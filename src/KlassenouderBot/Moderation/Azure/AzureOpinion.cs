namespace KlassenouderBot.Moderation.Azure;

/// <summary>What Azure AI Language said about one message: its sentiment and what it was negative about.</summary>
/// <param name="Sentiment"><c>positive</c>, <c>neutral</c>, <c>negative</c> or <c>mixed</c>.</param>
/// <param name="Negative">The document's negative confidence in [0,1].</param>
/// <param name="Positive">The document's positive confidence in [0,1].</param>
/// <param name="NegativeTargets">Opinion targets Azure judged negatively ("juf", "school"), lower-case.</param>
public sealed record AzureOpinion(string Sentiment, double Negative, double Positive, IReadOnlyList<string> NegativeTargets);
