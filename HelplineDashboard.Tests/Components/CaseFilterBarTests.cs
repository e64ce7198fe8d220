using Bunit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Lists;
using HelplineDashboard.Tests.Support;
using MudBlazor;

namespace HelplineDashboard.Tests.Components;

/// <summary>
/// The case filters are native inputs and selects (and the heavy MudBlazor fields only once opened): each change still
/// reaches the list as a new <see cref="CaseFilter"/>, and the fields show the filter they are given.
/// </summary>
public sealed class CaseFilterBarTests : HelplineTestContext
{
    private CaseFilter _filter = CaseFilter.OpenOnly;

    private IRenderedComponent<CaseFilterBar> RenderBar(params string[] lines) =>
        Render<CaseFilterBar>(parameters => parameters
            .Add(p => p.Filter, _filter)
            .Add(p => p.FilterChanged, (CaseFilter filter) => _filter = filter)
            .Add(p => p.ActorLines, new HashSet<string>(lines.Length == 0 ? ["111", "117"] : lines)));

    private static void Rerender(IRenderedComponent<CaseFilterBar> bar, CaseFilter filter) =>
        bar.Render(parameters => parameters.Add(p => p.Filter, filter));

    [Fact]
    public void Choosing_in_the_status_risk_and_line_selects_changes_the_filter_and_a_new_line_clears_the_region()
    {
        _filter = _filter with { Region = "Almaty" };
        var bar = RenderBar();

        bar.Find("select[data-testid=filter-status]").Change("Closed");
        Assert.Equal(CaseStatus.Closed, _filter.Status);

        bar.Find("select[data-testid=filter-risk]").Change(nameof(RiskLevel.High));
        Assert.Equal(RiskLevel.High, _filter.Risk);

        bar.Find("select[data-testid=filter-line]").Change("117");
        Assert.Equal("117", _filter.Line);
        Assert.Null(_filter.Region);

        // Choosing the empty option clears a field, as MudSelect's clear button did.
        bar.Find("select[data-testid=filter-risk]").Change("");
        Assert.Null(_filter.Risk);
    }

    [Fact]
    public void The_case_number_is_taken_as_a_number_and_anything_else_clears_it()
    {
        var bar = RenderBar();

        bar.Find("input[data-testid=filter-case-number]").Change("42");
        Assert.Equal(42, _filter.CaseNumber);

        bar.Find("input[data-testid=filter-case-number]").Change("forty-two");
        Assert.Null(_filter.CaseNumber);
    }

    [Fact]
    public void The_fields_show_the_filter_they_are_given_and_the_clear_button_clears_one()
    {
        var bar = RenderBar();
        Rerender(bar, new CaseFilter { Status = CaseStatus.Closed, Risk = RiskLevel.High, Line = "111", Region = "Astana", CaseNumber = 7 });

        Assert.Equal("Closed", bar.Find("select[data-testid=filter-status]").GetAttribute("value"));
        Assert.Equal(nameof(RiskLevel.High), bar.Find("select[data-testid=filter-risk]").GetAttribute("value"));
        Assert.Equal("111", bar.Find("select[data-testid=filter-line]").GetAttribute("value"));
        Assert.Equal("7", bar.Find("input[data-testid=filter-case-number]").GetAttribute("value"));
        var region = bar.Find("select[data-testid=filter-region]");
        Assert.Equal("Astana", region.GetAttribute("value"));

        // A chosen line offers only its own regions.
        var regions = region.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? "").Where(v => v.Length > 0).ToList();
        Assert.Equal(TestLines.Catalog.All.Single(l => l.Code == "111").Regions.ToList(), regions);

        // The field shows the chosen value's text, with the label raised, as MudSelect did.
        var statusField = bar.Find("select[data-testid=filter-status]").ParentElement!;
        Assert.Contains("mud-shrink", statusField.ClassList);
        Assert.Contains("Closed", statusField.TextContent);

        statusField.QuerySelector(".mud-input-clear-button")!.Click();
        Assert.Null(_filter.Status);
    }

    [Fact]
    public void The_categories_and_date_fields_create_their_MudBlazor_components_only_when_opened()
    {
        var bar = RenderBar();
        Assert.Empty(bar.FindComponents<MudSelect<int>>());
        Assert.Empty(bar.FindComponents<MudDateRangePicker>());
        Assert.Empty(bar.FindComponents<MudSelect<string>>());

        bar.Find("input[data-testid=filter-categories]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        bar.WaitForAssertion(() => Assert.Single(bar.FindComponents<MudSelect<int>>()));

        bar.Find("[data-testid=filter-opened]").Click();
        bar.WaitForAssertion(() => Assert.Single(bar.FindComponents<MudDateRangePicker>()));
        // Opening one heavy field puts the other back to plain markup.
        Assert.Empty(bar.FindComponents<MudSelect<int>>());
    }

    [Fact]
    public async Task Categories_chosen_in_the_opened_select_reach_the_filter_and_the_plain_field_returns_when_it_closes()
    {
        var bar = RenderBar();
        bar.Find("input[data-testid=filter-categories]").Click();
        bar.WaitForState(() => bar.FindComponents<MudSelect<int>>().Count == 1);
        var select = bar.FindComponent<MudSelect<int>>();

        // The select reports its new values; the bar turns them into the filter.
        await bar.InvokeAsync(() => select.Instance.SelectedValuesChanged.InvokeAsync(new[] { 3, 5 }));
        Assert.Equal(new[] { 3, 5 }, _filter.CategoryIds);

        // Closed again, the plain field is back.
        await bar.InvokeAsync(() => select.Instance.OpenChanged.InvokeAsync(false));
        bar.WaitForAssertion(() => Assert.Empty(bar.FindComponents<MudSelect<int>>()));
        Assert.Single(bar.FindAll("input[data-testid=filter-categories]"));
    }
}
