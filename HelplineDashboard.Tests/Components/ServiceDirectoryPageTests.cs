using System.Globalization;
using Bunit;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Referrals;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Components;

/// <summary>The support-service directory names regions in the administrator's language, as the rest of the app does.</summary>
public sealed class ServiceDirectoryPageTests : HelplineTestContext
{
    public ServiceDirectoryPageTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Culture("ru");
        SignInAs(TestActors.Admin());
    }

    [Fact]
    public async Task Directory_in_Russian_shows_the_region_in_Russian()
    {
        var edit = new SupportServiceEdit { Line = "111", Region = "Almaty", Kind = SupportServiceKind.CrisisCentre, Name = "Центр «Подкрепа»", Phone = "+77012223344" };
        var saved = await Service<ReferralService>().SaveServiceAsync(null, edit, TestActors.Admin());

        var page = Render<ServiceDirectoryPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=directory-name]"), cell => cell.TextContent == saved.Name), KazakhPagesTests.Patience);
        var row = page.FindAll("tr").Single(tr => tr.TextContent.Contains(saved.Name, StringComparison.Ordinal));
        Assert.Equal("Алматы", row.QuerySelector("[data-testid=directory-region]")!.TextContent.Trim());
    }

    [Fact]
    public void Service_form_in_Russian_shows_the_chosen_region_in_Russian()
    {
        var edit = new SupportServiceEdit { Line = "111", Region = "Almaty", Kind = SupportServiceKind.CrisisCentre, Name = "Центр", Phone = "+77012223344" };

        var form = Render<SupportServiceForm>(p => p
            .Add(f => f.ServiceId, 1)
            .Add(f => f.Edit, edit)
            .Add(f => f.OnSaved, () => { })
            .Add(f => f.OnCancel, () => { }));

        form.WaitForAssertion(() => Assert.Equal("Алматы", form.Find("[data-testid=service-region]").TextContent.Trim()), KazakhPagesTests.Patience);
    }
}
