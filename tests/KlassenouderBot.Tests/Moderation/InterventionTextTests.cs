using KlassenouderBot.Moderation;

namespace KlassenouderBot.Tests.Moderation;

public sealed class InterventionTextTests
{
    [Theory]
    [InlineData("klassenouder Naima helpt je graag.", "Klassenouder Naima helpt je graag.")]
    [InlineData("Bespreek het met de juf. klassenouder Naima helpt ook.", "Bespreek het met de juf. Klassenouder Naima helpt ook.")]
    [InlineData("Mail j.jansen@school.example of bel.", "Mail j.jansen@school.example of bel.")]
    public void CapitaliseSentences_PlaceholderOpensSentence_StartsWithCapital(string text, string expected)
    {
        InterventionPolicy.CapitaliseSentences(text).Should().Be(expected);
    }
}
