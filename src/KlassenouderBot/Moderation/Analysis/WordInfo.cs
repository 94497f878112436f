namespace KlassenouderBot.Moderation.Analysis;

/// <summary>Everything the lexicon knows about one normalised word; zero means "not in that list".</summary>
internal sealed class WordInfo
{
    public double Insult { get; set; }

    public double MildInsult { get; set; }

    public bool Animal { get; set; }

    public double CursePrefix { get; set; }

    public double CurseWord { get; set; }

    public double Slur { get; set; }

    public bool MedicalTail { get; set; }

    public bool HarmlessHead { get; set; }

    public TargetKind Target { get; set; }

    public bool FirstName { get; set; }

    /// <summary>Mean polarity from the CLiPS adjective lexicon, in [-1, 1].</summary>
    public double Polarity { get; set; }

    public bool DutchFunctionWord { get; set; }

    public bool EnglishFunctionWord { get; set; }
}
