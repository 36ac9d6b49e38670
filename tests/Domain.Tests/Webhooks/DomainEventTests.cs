using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Tests.Builders;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Domain.Tests.Webhooks;

public sealed class DomainEventTests
{
    private static IEnumerable<IDomainEvent> Raised(Entity entity) => entity.PendingEvents().Select(e => e.Event);

    [Fact]
    public void Create_WithASeat_RaisesConfirmed_OnTheWaitlist_RaisesWaitlisted()
    {
        Raised(A.Booking.Build()).Should().ContainSingle().Which.Should().BeOfType<BookingConfirmed>();
        var waitlisted = Booking.Create(A.Customer.Build(), A.Session.Build(), new(true, 1), BookingPayment.DropIn, BookingSource.Staff, null, TestClock.Start);
        Raised(waitlisted).Should().ContainSingle().Which.Should().BeOfType<BookingWaitlisted>();
    }

    [Fact]
    public void Cancel_InsideTheLateWindow_RaisesALateCancellation_AndARefusedTransitionRaisesNothing()
    {
        var session = A.Session.Build();
        var booking = A.Booking.Of(session).Build();
        booking.ClearPendingEvents();
        booking.Cancel(session, BookingPolicy.Default, waiveLateFee: false, session.StartsAt.AddHours(-1)).ShouldSucceed();
        Raised(booking).Should().ContainSingle().Which.Should().Be(new BookingCancelled(booking, Late: true));

        booking.ClearPendingEvents();
        booking.Cancel(session, BookingPolicy.Default, waiveLateFee: false, session.StartsAt.AddHours(-1)).ShouldFailWith("booking.not_cancellable");
        Raised(booking).Should().BeEmpty();
    }

    [Fact]
    public void Consume_OfTheLastCredit_RaisesExhausted_Once()
    {
        var pack = A.Pack.WithCredits(2).Build();
        pack.ClearPendingEvents();
        pack.Consume(Guid.NewGuid(), TestClock.Start).ShouldSucceed();
        Raised(pack).Should().BeEmpty();
        pack.Consume(Guid.NewGuid(), TestClock.Start).ShouldSucceed();
        Raised(pack).Should().ContainSingle().Which.Should().BeOfType<PackExhausted>();
    }

    [Fact]
    public void RecordExpiry_RaisesExpiredOnce_OnlyAfterTheExpiry_AndOnlyWithCreditsLeft()
    {
        var pack = A.Pack.WithCredits(3).ValidFor(10).Build();
        pack.ClearPendingEvents();
        pack.RecordExpiry(TestClock.Start.AddDays(9)).Should().BeFalse();
        pack.RecordExpiry(TestClock.Start.AddDays(11)).Should().BeTrue();
        pack.RecordExpiry(TestClock.Start.AddDays(12)).Should().BeFalse();
        Raised(pack).Should().ContainSingle().Which.Should().BeOfType<PackExpired>();
    }

    [Fact]
    public void EventsOfSeveralEntities_AreNumberedInTheOrderTheyHappened()
    {
        var customer = A.Customer.Build();
        var pack = A.Pack.For(customer).Build();
        var booking = A.Booking.For(customer).Build();
        var all = new Entity[] { booking, customer, pack }.SelectMany(e => e.PendingEvents()).OrderBy(e => e.Sequence).Select(e => e.Event.GetType().Name);
        all.Should().Equal("CustomerRegistered", "PackSold", "BookingConfirmed");
    }
}

public sealed class WebhookTests
{
    private static WebhookSubscription Subscription() =>
        WebhookSubscription.Create(A.StudioId, new Uri("https://example.com/hook"), ["booking.confirmed"], "CRM", true, TestClock.Start).ShouldSucceed();

    [Fact]
    public void Create_MakesAStandardWebhooksSecret_AndRotation_KeepsThePreviousOneSigningFor24Hours()
    {
        var subscription = Subscription();
        subscription.Secret.Should().StartWith("whsec_");
        Convert.FromBase64String(subscription.Secret["whsec_".Length..]).Should().HaveCount(32);
        var old = subscription.Secret;
        var rotated = subscription.RotateSecret(TestClock.Start);
        subscription.SigningSecrets(TestClock.Start.AddHours(23)).Should().Equal(rotated, old);
        subscription.SigningSecrets(TestClock.Start.AddHours(24)).Should().Equal(rotated);
    }

    [Fact]
    public void RecordFailure_DisablesAfterFailingForTheWholePeriod_AndASuccessInBetweenStartsOver()
    {
        var subscription = Subscription();
        var after = TimeSpan.FromDays(5);
        subscription.RecordFailure(TestClock.Start, after).Should().BeFalse();
        subscription.RecordSuccess();
        subscription.RecordFailure(TestClock.Start.AddDays(3), after).Should().BeFalse();
        subscription.RecordFailure(TestClock.Start.AddDays(7), after).Should().BeFalse("it has failed for 4 days only");
        subscription.RecordFailure(TestClock.Start.AddDays(8), after).Should().BeTrue();
        subscription.Enabled.Should().BeFalse();
        subscription.PendingEvents().Select(e => e.Event).Should().ContainSingle().Which.Should().BeOfType<WebhookSubscriptionDisabled>();
    }

    [Fact]
    public void TheRetryPolicy_GrowsByThree_WithJitter_UpToFourHours()
    {
        var policy = RetryPolicy.Default;
        policy.DelayAfter(1, 0.5).Should().Be(TimeSpan.FromSeconds(5));
        policy.DelayAfter(2, 0.5).Should().Be(TimeSpan.FromSeconds(15));
        policy.DelayAfter(1, 0).Should().Be(TimeSpan.FromSeconds(4));
        policy.DelayAfter(1, 0.999).Should().BeCloseTo(TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(10));
        policy.DelayAfter(30, 0.5).Should().Be(TimeSpan.FromHours(4));
        // At least 24 hours of retries: the delays before giving up add up to more than a day.
        Enumerable.Range(1, 16).Sum(n => policy.DelayAfter(n, 0).TotalHours).Should().BeGreaterThan(24);
    }
}
