using KlassenouderBot.Faq;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.Faq;

public sealed class FaqAnswererTests
{
    private static readonly Lazy<FaqAnswerer> Sample = new(() => new FaqAnswerer(SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath).Faq));

    [Fact]
    public void Match_SchoolOutOnWednesday_IsSchooltijden()
    {
        var match = Sample.Value.Match("hoe laat is school uit op woensdag?");

        match.Entry!.Id.Should().Be("schooltijden");
        match.Confidence.Should().BeInRange(FaqAnswerer.Threshold, 1);
    }

    [Theory]
    [InlineData("Wanneer is de krokusvakantie dit jaar?", "voorjaarsvakantie")]
    [InlineData("hoe meld ik mijn zoon ziek", "ziekmelden")]
    [InlineData("Wanneer heeft groep 6 gym?", "gymdagen")]
    [InlineData("Wat moet mijn kind in de gymtas doen?", "gymkleding")]
    [InlineData("Hoe lang is de kerstvakantie dit jaar?", "kerstvakantie")]
    [InlineData("waar vind ik dat verlofformulier?", "verlof-aanvragen")]
    [InlineData("Wie is de intern begeleider van school?", "intern-begeleider")]
    [InlineData("Wanneer komt het volgende rapport?", "rapporten")]
    [InlineData("wanneer is de volgende luizencontrole?", "luizencontrole")]
    [InlineData("Hoe neem ik contact op met de juf?", "contact-leerkracht")]
    [InlineData("Wánneer is de hérfstvakantie?", "herfstvakantie")]
    public void Match_RephrasedAlternate_FindsItsEntry(string question, string id) =>
        (Sample.Value.Match(question).Entry?.Id).Should().Be(id);

    [Fact]
    public void Match_EveryWordingOfTheSample_AnswersWithItsOwnEntry()
    {
        var faq = SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath).Faq;

        var mismatches = faq
            .SelectMany(entry => entry.Alternates.Prepend(entry.Question).Select(wording => (entry.Id, Wording: wording, Got: Sample.Value.Match(wording).Entry?.Id)))
            .Where(m => m.Got != m.Id)
            .Select(m => $"'{m.Wording}' gave {m.Got ?? "nothing"} instead of {m.Id}");

        mismatches.Should().BeEmpty();
    }

    [Theory]
    [InlineData("wat is de hoofdstad van Frankrijk?")]
    [InlineData("")]
    [InlineData("   ?!  ")]
    [InlineData("de het een")]
    [InlineData("Heeft iemand een oplader voor een iPhone?")]
    public void Match_UnrelatedOrEmpty_Abstains(string question)
    {
        var match = Sample.Value.Match(question);

        match.Entry.Should().BeNull();
        match.Confidence.Should().BeLessThan(FaqAnswerer.Threshold);
    }

    [Fact]
    public void Match_NoEntries_Abstains() =>
        new FaqAnswerer([]).Match("wanneer is de herfstvakantie?").Entry.Should().BeNull();

    [Fact]
    public void Match_OwnQuestion_IsFullConfidence()
    {
        var answerer = new FaqAnswerer([new FaqEntry("gym", "Op welke dagen is er gym?", "Dinsdag."), new FaqEntry("ziek", "Hoe meld ik mijn kind ziek?", "Bellen.")]);

        var match = answerer.Match("Hoe meld ik mijn kind ziek?");

        match.Entry!.Id.Should().Be("ziek");
        match.Confidence.Should().Be(1);
    }

    [Theory]
    [InlineData("what time does school start", true)]
    [InlineData("When is the autumn holiday?", true)]
    [InlineData("hoe laat begint school", false)]
    [InlineData("wanneer is de herfstvakantie?", false)]
    [InlineData("", false)]
    public void LooksEnglish_CountsMarkerWords(string question, bool english) =>
        FaqAnswerer.LooksEnglish(question).Should().Be(english);
}
