using Microsoft.Extensions.Time.Testing;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly LifecycleEvidence Paid = new(HasCurrentPaid: true, HasCurrentTrial: false, HasPastPurchase: true);
    private static readonly LifecycleEvidence OnTrial = new(HasCurrentPaid: false, HasCurrentTrial: true, HasPastPurchase: true);
    private static readonly LifecycleEvidence PastOnly = new(HasCurrentPaid: false, HasCurrentTrial: false, HasPastPurchase: true);

    private readonly FakeTimeProvider _clock = TestClock.Create();

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Register_WhenDetailsAreValid_EntersAsLeadWithARegisteredHistoryEntry()
    {
        var customer = Customer.Register(A.StudioId, " Ada ", " Lovelace ", "ada@example.com", " +442079460000 ", " website ", Now).ShouldSucceed();

        customer.Status.Should().Be(LifecycleStatus.Lead);
        customer.OrganizationId.Should().Be(A.StudioId);
        (customer.FirstName, customer.LastName, customer.FullName).Should().Be(("Ada", "Lovelace", "Ada Lovelace"));
        customer.Phone.Should().Be("+442079460000");
        customer.Source.Should().Be("website");
        customer.CreatedAt.Should().Be(Now);
        customer.StatusHistory.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            CustomerId = customer.Id,
            OrganizationId = A.StudioId,
            From = (LifecycleStatus?)null,
            To = LifecycleStatus.Lead,
            Cause = "registered",
            At = Now,
        });
    }

    [Fact]
    public void Register_WhenIdGiven_KeepsIt()
    {
        var id = Guid.NewGuid();

        Customer.Register(A.StudioId, "Ada", null, null, null, null, Now, id).ShouldSucceed().Id.Should().Be(id);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", "")]
    public void Register_WhenBothNamesAreBlank_FailsWithNameRequired(string? firstName, string? lastName) =>
        Customer.Register(A.StudioId, firstName, lastName, null, null, null, Now).ShouldFailWith("customer.name_required");

    [Theory]
    [InlineData("Ada", null, "Ada")]
    [InlineData(null, "Lovelace", "Lovelace")]
    public void Register_WhenOnlyOneNameIsGiven_Succeeds(string? firstName, string? lastName, string fullName) =>
        Customer.Register(A.StudioId, firstName, lastName, null, null, null, Now).ShouldSucceed().FullName.Should().Be(fullName);

    [Fact]
    public void Register_WhenANameIsLongerThan100_FailsWithNameTooLong()
    {
        Customer.Register(A.StudioId, new string('a', 101), null, null, null, null, Now).ShouldFailWith("customer.name_too_long");
        Customer.Register(A.StudioId, "Ada", new string('a', 101), null, null, null, Now).ShouldFailWith("customer.name_too_long");
        Customer.Register(A.StudioId, new string('a', 100), new string('a', 100), null, null, null, Now).ShouldSucceed();
    }

    [Theory]
    [InlineData(" Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [InlineData("ada @ example.com", "ada@example.com")]
    [InlineData("\tADA@EXAMPLE.COM\n", "ada@example.com")]
    public void Register_WhenEmailHasCapitalsOrWhitespace_StoresItTrimmedAndLowerCased(string email, string stored) =>
        Customer.Register(A.StudioId, "Ada", null, email, null, null, Now).ShouldSucceed().Email.Should().Be(stored);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Register_WhenEmailIsBlank_StoresNoEmail(string? email) =>
        Customer.Register(A.StudioId, "Ada", null, email, null, null, Now).ShouldSucceed().Email.Should().BeNull();

    [Theory]
    [InlineData("ada")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@lovelace@example.com")]
    public void Register_WhenEmailIsNotAnAddress_FailsWithEmailInvalid(string email) =>
        Customer.Register(A.StudioId, "Ada", null, email, null, null, Now).ShouldFailWith("customer.email_invalid");

    [Fact]
    public void Register_WhenEmailIsLongerThan254_FailsWithEmailInvalid() =>
        Customer.Register(A.StudioId, "Ada", null, new string('a', 243) + "@example.com", null, null, Now).ShouldFailWith("customer.email_invalid");

    [Fact]
    public void Register_WhenPhoneIsLongerThan32_FailsWithPhoneTooLong() =>
        Customer.Register(A.StudioId, "Ada", null, null, new string('1', 33), null, Now).ShouldFailWith("customer.phone_too_long");

    [Fact]
    public void Register_WhenPhoneIsBlank_StoresNoPhone() =>
        Customer.Register(A.StudioId, "Ada", null, null, "  ", null, Now).ShouldSucceed().Phone.Should().BeNull();

    [Fact]
    public void Register_WhenSourceIsMissing_RecordsManual() =>
        Customer.Register(A.StudioId, "Ada", null, null, null, " ", Now).ShouldSucceed().Source.Should().Be("manual");

    // Was Register_WhenSourceIsLongerThan50_KeepsTheFirst50Characters: the domain cut the source where the request validator
    // refused it; now the domain refuses it too (issue #15), so both owners agree.
    [Fact]
    public void Register_WhenSourceIsLongerThan50_FailsWithSourceTooLong()
    {
        Customer.Register(A.StudioId, "Ada", null, null, null, new string('s', 51), Now).ShouldFailWith("customer.source_too_long");
        Customer.Register(A.StudioId, "Ada", null, null, null, $" {new string('s', 50)} ", Now).ShouldSucceed().Source.Should().Be(new string('s', 50));
    }

    [Fact]
    public void UpdateDetails_WhenValid_ReplacesTheDetailsAndStampsTheInstant()
    {
        var customer = A.Customer.Build();
        _clock.Advance(TimeSpan.FromDays(1));

        customer.UpdateDetails("Augusta", "King", "AUGUSTA@example.com", "+447700900000", null, "prefers mornings", Now).ShouldSucceed();

        customer.Should().BeEquivalentTo(new
        {
            FirstName = "Augusta",
            LastName = "King",
            Email = "augusta@example.com",
            Phone = "+447700900000",
            Source = "website",
            Notes = "prefers mornings",
            UpdatedAt = Now,
        });
    }

    [Fact]
    public void UpdateDetails_WhenNotesAreOmitted_KeepsTheNotes()
    {
        var customer = A.Customer.Build();
        customer.UpdateDetails("Ada", null, null, null, null, "prefers mornings", Now).ShouldSucceed();

        customer.UpdateDetails("Ada", null, null, null, null, null, Now).ShouldSucceed();

        customer.Notes.Should().Be("prefers mornings");
    }

    [Fact]
    public void UpdateDetails_WhenNotesAreLongerThan4000_FailsWithNotesTooLongAndChangesNothing()
    {
        var customer = A.Customer.Build();

        customer.UpdateDetails("Augusta", null, null, null, null, new string('n', 4001), Now).ShouldFailWith("customer.notes_too_long");

        customer.FirstName.Should().Be("Ada");
        customer.Email.Should().Be("ada@example.com");
    }

    [Theory]
    [MemberData(nameof(EvidenceAndStatus))]
    public void ApplyPurchases_FromALead_TakesTheStatusTheHoldingsGive(bool paid, bool trial, bool past, LifecycleStatus expected)
    {
        var customer = A.Customer.Build();

        customer.ApplyPurchases(new LifecycleEvidence(paid, trial, past), "bought", Now);

        customer.Status.Should().Be(expected);
    }

    public static TheoryData<bool, bool, bool, LifecycleStatus> EvidenceAndStatus => new()
    {
        { true, false, true, LifecycleStatus.Member },
        { true, true, true, LifecycleStatus.Member },
        { false, true, true, LifecycleStatus.Trial },
        { false, false, true, LifecycleStatus.Lapsed },
    };

    [Fact]
    public void ApplyPurchases_WhenStatusChanges_RecordsFromToCauseAndInstant()
    {
        var customer = A.Customer.Build();
        _clock.Advance(TimeSpan.FromHours(3));

        customer.ApplyPurchases(OnTrial, "bought trial pass", Now);

        customer.StatusHistory.Should().HaveCount(2);
        customer.StatusHistory[^1].Should().BeEquivalentTo(new
        {
            From = (LifecycleStatus?)LifecycleStatus.Lead,
            To = LifecycleStatus.Trial,
            Cause = "bought trial pass",
            At = Now,
        });
        customer.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void ApplyPurchases_WhenTheLastProductRunsOut_MemberBecomesLapsed()
    {
        var customer = A.Customer.AsMember().Build();

        customer.ApplyPurchases(PastOnly, "pack ran out", Now);

        customer.Status.Should().Be(LifecycleStatus.Lapsed);
        customer.StatusHistory[^1].From.Should().Be(LifecycleStatus.Member);
    }

    [Fact]
    public void ApplyPurchases_WhenLapsedBuysAgain_BecomesMember()
    {
        var customer = A.Customer.AsLapsed().Build();

        customer.ApplyPurchases(Paid, "bought pack", Now);

        customer.Status.Should().Be(LifecycleStatus.Member);
    }

    [Fact]
    public void ApplyPurchases_WhenALeadNeverBought_KeepsLeadWithoutAHistoryEntry()
    {
        var customer = A.Customer.Build();

        customer.ApplyPurchases(LifecycleEvidence.Nothing, "daily recompute", Now);

        customer.Status.Should().Be(LifecycleStatus.Lead);
        customer.StatusHistory.Should().ContainSingle();
    }

    [Fact]
    public void ApplyPurchases_WhenATrialHasNoPurchaseOnRecord_KeepsTrial()
    {
        var customer = A.Customer.AsTrial().Build();

        customer.ApplyPurchases(LifecycleEvidence.Nothing, "daily recompute", Now);

        customer.Status.Should().Be(LifecycleStatus.Trial);
    }

    [Fact]
    public void ApplyPurchases_WhenStatusIsUnchanged_AddsNoHistoryEntry()
    {
        var customer = A.Customer.AsMember().Build();
        var entries = customer.StatusHistory.Count;

        customer.ApplyPurchases(Paid, "bought another pack", Now);

        customer.StatusHistory.Should().HaveCount(entries);
    }

    [Fact]
    public void ApplyPurchases_WhenArchived_StaysArchived()
    {
        var customer = A.Customer.Archived().Build();

        customer.ApplyPurchases(Paid, "bought", Now);

        customer.Status.Should().Be(LifecycleStatus.Archived);
    }

    [Fact]
    public void Archive_WhenNotArchived_ArchivesAndRecordsTheCause()
    {
        var customer = A.Customer.AsMember().Build();
        _clock.Advance(TimeSpan.FromDays(2));

        customer.Archive("moved away", Now).ShouldSucceed();

        customer.Status.Should().Be(LifecycleStatus.Archived);
        customer.StatusHistory[^1].Should().BeEquivalentTo(new
        {
            From = (LifecycleStatus?)LifecycleStatus.Member,
            To = LifecycleStatus.Archived,
            Cause = "moved away",
            At = Now,
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" \t\u00a0")]
    public void Archive_WithoutAReason_RecordsThatStaffArchived(string? reason)
    {
        var customer = A.Customer.Build();

        customer.Archive(reason, Now).ShouldSucceed();

        customer.StatusHistory[^1].Cause.Should().Be("archived by staff");
    }

    [Fact]
    public void Archive_WhenAlreadyArchived_FailsWithAlreadyArchived()
    {
        var customer = A.Customer.Archived().Build();

        customer.Archive("again", Now).ShouldFailWith("customer.already_archived");

        customer.StatusHistory.Count(h => h.To == LifecycleStatus.Archived).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(RestoredStatus))]
    public void Restore_WhenArchived_TakesTheStatusItsPurchasesGive(bool paid, bool trial, bool past, LifecycleStatus expected)
    {
        var customer = A.Customer.AsMember().Archived().Build();
        _clock.Advance(TimeSpan.FromDays(1));

        customer.Restore(new LifecycleEvidence(paid, trial, past), Now).ShouldSucceed();

        customer.Status.Should().Be(expected);
        customer.StatusHistory[^1].Should().BeEquivalentTo(new
        {
            From = (LifecycleStatus?)LifecycleStatus.Archived,
            To = expected,
            Cause = "restored",
            At = Now,
        });
    }

    public static TheoryData<bool, bool, bool, LifecycleStatus> RestoredStatus => new()
    {
        { false, false, false, LifecycleStatus.Lead },
        { true, false, true, LifecycleStatus.Member },
        { false, true, true, LifecycleStatus.Trial },
        { false, false, true, LifecycleStatus.Lapsed },
    };

    [Fact]
    public void Restore_WhenNotArchived_FailsWithNotArchived() =>
        A.Customer.AsMember().Build().Restore(Paid, Now).ShouldFailWith("customer.not_archived");

    [Fact]
    public void Restore_WhenMergedIntoAnother_FailsWithMerged()
    {
        var survivor = A.Customer.Build();
        var merged = A.Customer.Named("Augusta").WithEmail(null).Build();
        CustomerMerge.Merge(merged, survivor, new MergeHoldings([], [], [], []), [], [], LifecycleEvidence.Nothing, Now).ShouldSucceed();

        merged.Restore(LifecycleEvidence.Nothing, Now).ShouldFailWith("customer.merged");

        merged.Status.Should().Be(LifecycleStatus.Archived);
    }

    [Fact]
    public void EnsureCanBook_WhenArchived_FailsWithArchived() =>
        A.Customer.Archived().Build().EnsureCanBook().ShouldFailWith("customer.archived");

    [Fact]
    public void EnsureCanBook_WhenLeadTrialMemberOrLapsed_Succeeds()
    {
        A.Customer.Build().EnsureCanBook().ShouldSucceed();
        A.Customer.AsTrial().Build().EnsureCanBook().ShouldSucceed();
        A.Customer.AsMember().Build().EnsureCanBook().ShouldSucceed();
        A.Customer.AsLapsed().Build().EnsureCanBook().ShouldSucceed();
    }
}
