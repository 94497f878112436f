using KlassenouderBot.Faq;

namespace KlassenouderBot.Tests.Faq;

/// <summary>What kind of fact a question asks for, and whether a text holds one.</summary>
public sealed class AnswerTypeCheckTests
{
    private static readonly HashSet<string> Known = ["ziek", "juf", "verlof", "school", "sportdag"];

    private static AnswerTypeCheck For(string question) => AnswerTypeCheck.For(question, english: false, Known.Contains);

    [Fact]
    public void NameNoTextKnows_InsideTheQuestion_CannotBeAnswered() =>
        For("gaat juf Sanne met verlof?").Fits("De leerkracht van groep 5 is juf Anouk.").Should().BeFalse();

    [Fact]
    public void ChildsNameAfterAGreeting_IsNotTakenForSomethingUnknown() =>
        For("Goedemorgen, Sem is ziek vandaag").Unanswerable.Should().BeFalse();

    [Theory]
    [InlineData("Op 24 april is de sportdag.", true)]
    [InlineData("De sportdag is elk jaar in de laatste week voor de meivakantie.", true)]
    [InlineData("Meld het zo snel mogelijk bij de leerkracht.", true)]
    [InlineData("Van de bijdrage betalen we de sportdag en de excursies.", false)]
    public void WhenQuestion_NeedsADateDayOrPeriod(string text, bool fits) =>
        For("wanneer is de sportdag?").Fits(text).Should().Be(fits);

    [Theory]
    [InlineData("Het kamp kost € 95 per kind.", true)]
    [InlineData("Het kamp is in juni.", false)]
    public void AmountQuestion_NeedsAnAmount(string text, bool fits) =>
        For("wat kost het kamp?").Fits(text).Should().Be(fits);

    [Theory]
    [InlineData("De school begint om 8:30 uur.", true)]
    [InlineData("De school begint na de inloop.", false)]
    public void HoeLaatQuestion_NeedsAClockTime(string text, bool fits) =>
        For("hoe laat begint school?").Fits(text).Should().Be(fits);

    [Fact]
    public void YearInTheQuestion_MustBeInTheAnswer() =>
        For("wanneer is de herfstvakantie in 2030?").Fits("Herfstvakantie: 17 tot en met 25 oktober 2026.").Should().BeFalse();
}
