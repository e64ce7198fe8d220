using HelplineDashboard.Features.Languages;

namespace HelplineDashboard.Tests.Unit;

public sealed class LanguageMatchTests
{
    private sealed record Waiting(long Id, string Line, string Language);

    private static readonly HashSet<string> KazakhAndRussian = ["kk", "ru"];

    private static OnlineCounsellor Online(string id, string lines, string languages) =>
        new(id, lines.Split(',').ToHashSet(), languages.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet());

    [Theory]
    [InlineData("kk", true)]
    [InlineData("ru", true)]
    [InlineData("ky", false)]
    [InlineData("und", true)]
    public void A_counsellor_speaks_their_languages_and_an_undetermined_one(string language, bool speaks) =>
        Assert.Equal(speaks, LanguageMatch.Speaks(KazakhAndRussian, language));

    [Fact]
    public void A_counsellor_whose_languages_are_not_set_may_answer_anyone() =>
        Assert.True(LanguageMatch.Speaks(new HashSet<string>(), "ky"));

    [Fact]
    public void The_queue_shows_only_the_counsellors_languages_by_default_keeping_queue_order()
    {
        Waiting[] ordered = [new(1, "111", "ky"), new(2, "111", "kk"), new(3, "111", "ru"), new(4, "111", "uz")];

        var shown = LanguageMatch.ForCounsellor(ordered, c => c.Language, KazakhAndRussian, showAll: false);

        Assert.Equal([2L, 3L], shown.Select(c => c.Id));
    }

    [Fact]
    public void Showing_all_lists_the_counsellors_languages_first_then_the_others_each_in_queue_order()
    {
        Waiting[] ordered = [new(1, "111", "ky"), new(2, "111", "kk"), new(3, "111", "uz"), new(4, "111", "ru")];

        var shown = LanguageMatch.ForCounsellor(ordered, c => c.Language, KazakhAndRussian, showAll: true);

        Assert.Equal([2L, 4L, 1L, 3L], shown.Select(c => c.Id));
    }

    [Fact]
    public void A_contact_is_uncovered_when_no_one_online_on_its_line_speaks_its_language()
    {
        Waiting[] waiting =
        [
            new(1, "111", "kk"), // Aigerim on 111 speaks Kazakh
            new(2, "117", "kk"), // Kazakh on 117: Aigerim does not serve 117, Bakyt does not speak it
            new(3, "117", "ky"), // Bakyt
            new(4, "111", "uz"), // nobody speaks Uzbek
            new(5, "111", "und"), // anyone on 111 can take an undetermined language
        ];
        OnlineCounsellor[] online = [Online("aigerim", "111", "kk,ru"), Online("bakyt", "117", "ky,ru")];

        var uncovered = LanguageMatch.Uncovered(waiting, c => (c.Line, c.Language), online);

        Assert.Equal([2L, 4L], uncovered.Select(c => c.Id));
    }

    [Fact]
    public void With_no_one_online_every_contact_is_uncovered()
    {
        Waiting[] waiting = [new(1, "111", "ru"), new(2, "117", "und")];

        Assert.Equal(2, LanguageMatch.Uncovered(waiting, c => (c.Line, c.Language), []).Count);
    }

    [Fact]
    public void A_counsellor_whose_languages_are_not_set_covers_no_language()
    {
        Waiting[] waiting = [new(1, "111", "ru")];

        Assert.Single(LanguageMatch.Uncovered(waiting, c => (c.Line, c.Language), [Online("new", "111", "")]));
    }
}
