using HelplineDashboard.Common;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class CaseRulesTests
{
    private static Case OpenCase(string ownerId = "c1", string line = "111") =>
        new() { Line = line, OwnerId = ownerId, OwnerName = "Aigerim" };

    [Fact]
    public void The_owner_reads_and_works_an_open_case()
    {
        var owner = TestActors.Counsellor("c1");

        Assert.True(CaseRules.MayRead(OpenCase(), owner));
        Assert.True(CaseRules.MayWork(OpenCase(), owner));
    }

    [Fact]
    public void Another_counsellor_can_neither_read_nor_work_the_case()
    {
        var colleague = TestActors.Counsellor("c2");

        Assert.False(CaseRules.MayRead(OpenCase(), colleague));
        Assert.False(CaseRules.MayWork(OpenCase(), colleague));
        Assert.Throws<HelplineRuleException>(() => CaseRules.EnsureWorkable(OpenCase(), colleague));
    }

    [Fact]
    public void A_supervisor_of_the_line_reads_but_does_not_work_the_case()
    {
        var supervisor = TestActors.Supervisor("s1", "Dana", "111");

        Assert.True(CaseRules.MayRead(OpenCase(), supervisor));
        Assert.False(CaseRules.MayWork(OpenCase(), supervisor));
    }

    [Fact]
    public void A_supervisor_of_another_line_cannot_read_the_case()
    {
        var supervisor = TestActors.Supervisor("s2", "Nurlan", "117");

        Assert.False(CaseRules.MayRead(OpenCase(line: "111"), supervisor));
    }

    [Fact]
    public void An_administrator_without_a_supervisor_role_cannot_read_case_content()
    {
        Assert.False(CaseRules.MayRead(OpenCase(), TestActors.Admin()));
    }

    [Fact]
    public void A_closed_case_takes_no_more_work_even_from_its_owner()
    {
        var closed = OpenCase();
        closed.Status = CaseStatus.Closed;
        var owner = TestActors.Counsellor("c1");

        Assert.False(CaseRules.MayWork(closed, owner));
        var refusal = Assert.Throws<HelplineRuleException>(() => CaseRules.EnsureWorkable(closed, owner));
        Assert.Contains("closed", refusal.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_note_is_refused(string? text)
    {
        Assert.Throws<HelplineRuleException>(() => CaseRules.ValidNoteText(text));
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept_whole()
    {
        Assert.Throws<HelplineRuleException>(() => CaseRules.ValidNoteText(new string('n', CaseNote.MaxLength + 1)));
        Assert.Equal(CaseNote.MaxLength, CaseRules.ValidNoteText(new string('n', CaseNote.MaxLength)).Length);
    }

    [Fact]
    public void A_note_is_trimmed()
    {
        Assert.Equal("Caller is safe at a friend's flat.", CaseRules.ValidNoteText("  Caller is safe at a friend's flat.\n"));
    }

    [Fact]
    public void An_unknown_outcome_is_refused()
    {
        Assert.Throws<HelplineRuleException>(() => CaseRules.EnsureKnownOutcome((CaseOutcome)99));
    }
}
