using System.Globalization;
using Bunit;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Components;

/// <summary>The audit log names each action in the reader's language, never by its code.</summary>
public sealed class AuditPageTests : HelplineTestContext
{
    private static readonly Actor Supervisor = TestActors.Supervisor("sup-1", "Dana", "111");

    public AuditPageTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Culture("ru");
        SignInAs(Supervisor);
    }

    [Fact]
    public async Task Audit_log_in_Russian_names_actions_and_details_in_Russian()
    {
        var at = Clock.GetUtcNow().UtcDateTime;
        await using (var db = Db())
        {
            db.AuditEntries.AddRange(
                AuditTrail.Entry(at, Me, AuditAction.ContactClaimed, AuditTrail.Contact(7), "111", AuditPhrases.ClaimOpenedCase.Format(AuditTrail.Case(1))),
                AuditTrail.Entry(at.AddSeconds(1), Me, AuditAction.CaseViewed, AuditTrail.Case(1), "111", AuditDetails.NumberShownInFull),
                AuditTrail.Entry(at.AddSeconds(2), Me, AuditAction.EscalationPhonedManually, AuditTrail.Case(1), "111"),
                AuditTrail.Entry(at.AddSeconds(3), Supervisor, AuditAction.SettingsChanged, "user:7", "111", $"user:7: {AuditDetails.AccountDisabled}"),
                AuditTrail.Entry(at.AddSeconds(4), Me, AuditAction.CaseClosed, AuditTrail.Case(1), "111", AuditPhrases.Closed.Format(CaseOutcome.LegalAdvice)),
                AuditTrail.Entry(at.AddSeconds(5), Supervisor, AuditAction.SettingsChanged, "user:8", "111",
                    $"user:8: {AuditPhrases.AccessChanged.Format($"{Roles.Counsellor},{Roles.Supervisor}", "111,117")}"),
                AuditTrail.Entry(at.AddSeconds(6), Me, AuditAction.NoteAdded, AuditTrail.Case(1), "111", "a detail no phrase wrote"));
            await db.SaveChangesAsync();
        }

        var page = Render<AuditPage>();

        page.WaitForAssertion(
            () => Assert.Equal(
                ["Запись добавлена", "Настройки изменены", "Дело закрыто", "Настройки изменены", "Служба вызвана по телефону вручную", "Дело просмотрено", "Обращение взято"],
                page.FindAll("[data-testid=audit-row-action]").Select(cell => cell.TextContent.Trim())),
            KazakhPagesTests.Patience);
        // Fixed phrases and phrases with values are translated around their records and values; words among the values
        // (an outcome, roles) are translated too; anything else is shown as stored.
        Assert.Equal(
            [
                "a detail no phrase wrote", "user:8: роли Консультант, Супервизор, линии 111,117", "итог: Дана юридическая консультация",
                "user:7: учётная запись отключена", "", "номер абонента показан полностью", "новое дело case:1",
            ],
            page.FindAll("[data-testid=audit-row-detail]").Select(cell => cell.TextContent.Trim()));
        // The address column is not the date filter's "From" ("С" in Russian).
        Assert.Equal("Сетевой адрес", page.FindAll("th").Last().TextContent.Trim());
        var codes = Enum.GetNames<AuditAction>();
        Assert.DoesNotContain(page.FindAll("td").Select(cell => cell.TextContent.Trim()), text => codes.Contains(text));
    }

    [Fact]
    public void Every_audit_action_has_its_own_label()
    {
        var labels = Enum.GetValues<AuditAction>().Select(AuditLabels.Action).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }
}
