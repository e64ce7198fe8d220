using System.Globalization;
using Bunit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Queue;

namespace HelplineDashboard.Tests.Components;

/// <summary>The queue and the case page render from the resources in each UI language.</summary>
public sealed class PagesInEveryLanguageTests : HelplineTestContext
{
    private static void UseCulture(string code) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Culture(code);

    [Theory]
    [InlineData("ru", "Очередь", "Взять", "Ожидают: 1")]
    [InlineData("kk", "Кезек", "Алу", "Күтуде: 1")]
    [InlineData("ky", "Кезек", "Алуу", "Күтүүдө: 1")]
    [InlineData("en", "Queue", "Claim", "Waiting: 1")]
    public async Task The_queue_page_speaks_the_persons_language(string culture, string title, string claim, string waiting)
    {
        UseCulture(culture);
        await QueueAsync("lang-queue");

        var page = Render<QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(claim, page.Find("[data-testid=claim]").TextContent.Trim()));
        Assert.Equal(title, page.Find("h4").TextContent.Trim());
        Assert.Equal(waiting, page.Find("[data-testid=waiting-count]").TextContent.Trim());
    }

    [Theory]
    [InlineData("ru", "Дело № {0}", "Открыто", "Добавить запись")]
    [InlineData("kk", "№ {0} іс", "Ашық", "Жазба қосу")]
    [InlineData("ky", "№ {0} иш", "Ачык", "Жазуу кошуу")]
    [InlineData("en", "Case {0}", "Open", "Add note")]
    public async Task The_case_page_speaks_the_persons_language(string culture, string title, string open, string addNote)
    {
        UseCulture(culture);
        var contactId = await QueueAsync("lang-case");
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;

        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));

        page.WaitForAssertion(() => Assert.Equal(string.Format(CultureInfo.InvariantCulture, title, caseId), page.Find("[data-testid=case-title]").TextContent.Trim()));
        Assert.Equal(open, page.Find("[data-testid=case-status]").TextContent.Trim());
        Assert.Equal(addNote, page.Find("[data-testid=add-note]").TextContent.Trim());
    }

    [Theory]
    [InlineData("ru", "У вас нет подходящих дел.")]
    [InlineData("kk", "Сізде сәйкес істер жоқ.")]
    [InlineData("ky", "Сизде ылайыктуу иштер жок.")]
    public void My_cases_speaks_the_persons_language(string culture, string empty)
    {
        UseCulture(culture);

        var page = Render<MyCasesPage>();

        page.WaitForAssertion(() => Assert.Contains(empty, page.Markup));
    }
}
