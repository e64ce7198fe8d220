using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class TransferRulesTests
{
    private static CaseTransfer Transfer(string? toUserId = "c2", string? specialism = null, TransferStatus status = TransferStatus.Pending, string line = "111") => new()
    {
        CaseId = 1, Line = line, FromUserId = "c1", FromName = "Aigerim", ToUserId = toUserId, ToSpecialism = specialism, Note = "note", Status = status,
    };

    [Theory]
    [InlineData(TransferAnswer.Accept, TransferStatus.Accepted)]
    [InlineData(TransferAnswer.Decline, TransferStatus.Declined)]
    [InlineData(TransferAnswer.Cancel, TransferStatus.Cancelled)]
    public void A_pending_transfer_moves_to_its_answer(TransferAnswer answer, TransferStatus expected) =>
        Assert.Equal(expected, TransferRules.Next(TransferStatus.Pending, answer));

    [Theory]
    [InlineData(TransferStatus.Accepted, TransferAnswer.Decline)]
    [InlineData(TransferStatus.Accepted, TransferAnswer.Accept)]
    [InlineData(TransferStatus.Declined, TransferAnswer.Accept)]
    [InlineData(TransferStatus.Cancelled, TransferAnswer.Accept)]
    [InlineData(TransferStatus.Declined, TransferAnswer.Cancel)]
    public void An_answered_transfer_is_final(TransferStatus answered, TransferAnswer late) =>
        Assert.Throws<HelplineRuleException>(() => TransferRules.Next(answered, late));

    [Fact]
    public void A_named_transfer_is_offered_only_to_that_colleague_while_pending()
    {
        Assert.True(TransferRules.IsOfferedTo(Transfer(), TestActors.Counsellor("c2"), []));
        Assert.False(TransferRules.IsOfferedTo(Transfer(), TestActors.Counsellor("c3"), [Specialisms.Lawyer]));
        Assert.False(TransferRules.IsOfferedTo(Transfer(), TestActors.Counsellor("c1"), []));
        Assert.False(TransferRules.IsOfferedTo(Transfer(status: TransferStatus.Declined), TestActors.Counsellor("c2"), []));
        Assert.True(TransferRules.IsAddressedTo(Transfer(status: TransferStatus.Declined), TestActors.Counsellor("c2"), []));
    }

    [Fact]
    public void A_role_transfer_is_offered_to_everyone_with_the_specialism_on_the_line_but_the_sender()
    {
        var toLawyers = Transfer(toUserId: null, specialism: Specialisms.Lawyer);

        Assert.True(TransferRules.IsOfferedTo(toLawyers, TestActors.Counsellor("c7", "Lawyer", "111"), [Specialisms.Lawyer]));
        Assert.True(TransferRules.IsOfferedTo(toLawyers, TestActors.Supervisor("s7", "Lawyer supervisor", "111"), [Specialisms.Lawyer, Specialisms.Psychologist]));
        Assert.False(TransferRules.IsOfferedTo(toLawyers, TestActors.Counsellor("c8", "Psychologist", "111"), [Specialisms.Psychologist]));
        Assert.False(TransferRules.IsOfferedTo(toLawyers, TestActors.Counsellor("c9", "Lawyer of 117", "117"), [Specialisms.Lawyer]));
        Assert.False(TransferRules.IsOfferedTo(toLawyers, TestActors.Counsellor("c1", "Sender", "111"), [Specialisms.Lawyer]));
        Assert.False(TransferRules.IsOfferedTo(toLawyers, TestActors.Admin(), [Specialisms.Lawyer]));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("c2", Specialisms.Lawyer)]
    [InlineData(null, "Astrologer")]
    public void A_transfer_names_exactly_one_colleague_or_known_specialism(string? userId, string? specialism) =>
        Assert.Throws<HelplineRuleException>(() => TransferRules.EnsureOneTarget(new TransferTarget(userId, specialism)));

    [Fact]
    public void Specialisms_are_stored_in_a_fixed_order_and_unknown_ones_are_dropped()
    {
        Assert.Equal("Psychologist,Lawyer", Specialisms.Join([Specialisms.Lawyer, Specialisms.Psychologist, Specialisms.Lawyer]));
        Assert.Equal([Specialisms.Lawyer], Specialisms.Parse("Lawyer, Astrologer,"));
    }
}
