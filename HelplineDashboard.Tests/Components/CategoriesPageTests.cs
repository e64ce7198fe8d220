using Bunit;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Components;

public sealed class CategoriesPageTests : HelplineTestContext
{
    [Fact]
    public async Task An_administrator_adds_renames_and_retires_a_category()
    {
        SignInAs(TestActors.Admin("admin-cat"));
        var page = Render<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Contains("Economic", page.Markup));

        page.Find("input[data-testid=new-category-group]").Change("Other");
        page.Find("input[data-testid=new-category-name]").Change("Trafficking");
        await page.Find("[data-testid=add-category]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Trafficking", page.FindAll("[data-testid=category-name]").Select(n => n.TextContent)));

        await using var db = Db();
        var added = await db.Categories.SingleAsync(c => c.Name == "Trafficking");
        var row = page.FindAll("[data-testid=category-name]").Single(n => n.TextContent == "Trafficking").ParentElement!;
        await row.QuerySelector("[data-testid=retire-category]")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.True(db.Categories.AsNoTracking().Single(c => c.Id == added.Id).Retired));
        Assert.Equal(CategorySeed.All.Count + 1, await db.Categories.CountAsync());
    }
}
