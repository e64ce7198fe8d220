using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;

namespace HelplineDashboard.Tests.Unit;

/// <summary>Audit details with values are stored in English and shown in the reader's language, values kept.</summary>
public sealed class AuditPhraseTests
{
    // A translator that shows which key it was asked for and with what, so a test sees the phrase that matched.
    private static string Marked(string key, object[] values) => values.Length == 0 ? $"<{key}>" : $"<{key}|{string.Join("|", values)}>";

    public static TheoryData<string> Templates() => [.. AuditPhrases.All.Select(p => p.Template)];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_phrase_reads_back_as_itself_with_the_values_it_was_written_with(string template)
    {
        var phrase = AuditPhrases.All.Single(p => p.Template == template);
        var values = phrase.Args.Select(a => a.Example).ToArray();

        var shown = AuditDetails.Display(null, phrase.Format(values), Marked);

        var expected = values.Select((value, i) => phrase.Args[i].Show?.Invoke(value, key => Marked(key, [])) ?? value);
        Assert.Equal(Marked(phrase.Key, [.. expected]), shown);
    }

    [Fact]
    public void No_two_phrases_share_a_template_or_a_key()
    {
        Assert.Equal(AuditPhrases.All.Count, AuditPhrases.All.Select(p => p.Template).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AuditPhrases.All.Count, AuditPhrases.All.Select(p => p.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Words_among_the_values_are_translated_and_records_and_typed_text_are_not()
    {
        Assert.Equal("<outcome {0}|<Referred to a support service>>",
            AuditDetails.Display("case:3", AuditPhrases.Closed.Format(CaseOutcome.ReferredToService), Marked));
        Assert.Equal("<computed {0}, in force {1} (overridden)|<Medium risk>|<Immediate danger>>",
            AuditDetails.Display("case:3", AuditPhrases.ScreenedOverridden.Format(RiskLevel.Medium, RiskLevel.ImmediateDanger), Marked));
        Assert.Equal("<from user {0} to user {1}: {2}|sup-1|c-2|<outcome {0}|x>>",
            AuditDetails.Display("case:3", AuditPhrases.Reassigned.Format("sup-1", "c-2", "<outcome {0}|x>"), Marked));
    }

    [Fact]
    public void A_settings_change_keeps_its_subject_first_and_translates_the_rest()
    {
        var stored = $"user:7: {AuditPhrases.AccessChanged.Format($"{Roles.Counsellor},{Roles.Supervisor}", "111")}";

        Assert.Equal("user:7: <roles {0}, lines {1}|<Counsellor>, <Supervisor>|111>", AuditDetails.Display("user:7", stored, Marked));
    }

    [Theory]
    [InlineData("opened the window")] // a phrase's start with something else after it
    [InlineData("transfer 5 to nobody")] // not a record
    [InlineData("")]
    public void A_detail_no_phrase_wrote_is_shown_as_stored(string stored)
    {
        Assert.Equal(stored, AuditDetails.Display("case:1", stored, Marked));
    }

    [Fact]
    public void A_value_that_is_not_a_known_word_is_shown_as_stored()
    {
        Assert.Equal("<transfer {0} to specialism {1}|5|<Lawyer>>", AuditDetails.Display(null, AuditPhrases.TransferToSpecialism.Format(5, Specialisms.Lawyer), Marked));
        Assert.Equal("<roles {0}, lines {1}|<Admin>, Auditor|>", AuditDetails.Display(null, AuditPhrases.AccessChanged.Format("Admin,Auditor", ""), Marked));
        Assert.Equal("<outcome {0}|Unknown>", AuditDetails.Display(null, "outcome Unknown", Marked));
    }
}
