using UnifiedCustomers.Application.Common.Jobs;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Bookings.MaterialiseStandingBookings;

/// <summary>
/// Books the customers of an organization's standing bookings into the coming sessions their pattern
/// matches and they hold no booking for: sessions moved onto the pattern's slot, scheduled while the
/// customer could not pay, or made by a path that does not apply patterns. Scheduling a session books
/// its standing customers at once (ScheduleSession); this is the catch-up. A session the customer
/// has any booking for, even a cancelled one, is left alone: a cancellation is never undone.
/// </summary>
public sealed record MaterialiseStandingBookingsCommand(Guid OrganizationId) : ITenantCommand<Result<MaterialiseStandingBookingsResponse>>, IOrganizationRequest;

public sealed record MaterialiseStandingBookingsResponse(int Patterns, int Booked, int Waitlisted, int Refused);

internal sealed class MaterialiseStandingBookingsHandler(CurrentOrganization current, IAppDbContext db, BookingLoader loader, TimeProvider clock)
    : ICommandHandler<MaterialiseStandingBookingsCommand, Result<MaterialiseStandingBookingsResponse>>
{
    public async ValueTask<Result<MaterialiseStandingBookingsResponse>> Handle(MaterialiseStandingBookingsCommand command, CancellationToken ct)
    {
        var organizationId = command.OrganizationId;
        var organization = current.Organization;
        var now = clock.GetUtcNow();
        var today = organization.LocalDate(now);

        var patterns = await db.StandingBookings.AsNoTracking()
            .Where(s => s.IsActive && s.UntilDate >= today)
            .ToListAsync(ct);
        if (patterns.Count == 0) return new MaterialiseStandingBookingsResponse(0, 0, 0, 0);

        var classTypeIds = patterns.Select(p => p.ClassTypeId).Distinct().ToList();
        var until = organization.StartOfDay(patterns.Max(p => p.UntilDate).AddDays(1));
        var sessions = await db.ClassSessions.AsNoTracking()
            .Where(s => classTypeIds.Contains(s.ClassTypeId) && s.Status == SessionStatus.Scheduled
                        && s.StartsAt > now && s.StartsAt < until)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var customerIds = patterns.Select(p => p.CustomerId).Distinct().ToList();
        var held = (await db.Bookings
                .Where(b => sessionIds.Contains(b.SessionId) && customerIds.Contains(b.CustomerId))
                .Select(b => new { b.CustomerId, b.SessionId })
                .ToListAsync(ct))
            .ToLookup(b => b.CustomerId, b => b.SessionId);

        // Customers in id order (the order of every multi-customer writer), their pattern's sessions in time order.
        var (booked, waitlisted, refused) = (0, 0, 0);
        foreach (var customerPatterns in patterns.GroupBy(p => p.CustomerId).OrderBy(g => g.Key))
        {
            var wanted = StandingBooking.SessionsToBook(customerPatterns, sessions, held[customerPatterns.Key].ToHashSet(), organization);
            if (wanted.Count == 0) continue;
            var account = await loader.AccountAsync(organizationId, customerPatterns.Key, CustomerAccount.ChargesNeededFrom(now), forUpdate: true, ct);
            if (account is null)
            {
                refused += wanted.Count;
                continue;
            }
            // Read again under the customer's lock: a booking made since the first read, even one cancelled since, was the
            // customer's own choice and is never undone (the job booked a cancelled class again, spending a credit).
            var heldNow = await db.Bookings.Where(b => b.CustomerId == account.Customer.Id && sessionIds.Contains(b.SessionId))
                .Select(b => b.SessionId).ToListAsync(ct);
            wanted = StandingBooking.SessionsToBook(customerPatterns, sessions, heldNow.ToHashSet(), organization);
            if (wanted.Count == 0) continue;
            // The customer's sessions locked at once, in id order, then booked in time order.
            var atDesk = (await loader.SessionsAsync(organizationId, wanted.Select(w => w.Session.Id).ToList(), account.Customer.Id, withWaitlist: false, forUpdate: true, ct))
                .ToDictionary(s => s.Session.Id);
            foreach (var (session, pattern) in wanted)
            {
                var made = BookingDesk.Book(
                    account, atDesk.GetValueOrDefault(session.Id), new BookingRequest(null, pattern.JoinWaitlistIfFull, BookingSource.Staff), now);
                if (made.IsFailure)
                {
                    refused++;
                    continue;
                }
                db.Bookings.Add(made.Value.Booking);
                db.CreditLedger.AddRange(made.Value.LedgerRows);
                if (made.Value.Booking.Status == BookingStatus.Waitlisted) waitlisted++;
                else booked++;
            }
        }
        return new MaterialiseStandingBookingsResponse(patterns.Count, booked, waitlisted, refused);
    }
}

/// <summary>Runs <see cref="MaterialiseStandingBookingsCommand"/> for every organization, once per slot.</summary>
internal sealed class StandingBookingsJob(IAppDbContext db, ISender sender) : IScheduledJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public string Name => "standing-bookings";

    public Task<IReadOnlyList<JobRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        JobRun.DueEvery(Interval, now);

    public async Task<JobReport> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.IdsInOrderAsync(cancellationToken);
        var (patterns, booked, waitlisted, refused) = (0L, 0L, 0L, 0L);
        foreach (var organizationId in organizations)
        {
            var result = await sender.Send(new MaterialiseStandingBookingsCommand(organizationId), cancellationToken);
            if (result.IsFailure) continue;
            patterns += result.Value.Patterns;
            booked += result.Value.Booked;
            waitlisted += result.Value.Waitlisted;
            refused += result.Value.Refused;
        }
        return JobReport.Of(("organizations", organizations.Count), ("patterns", patterns), ("booked", booked), ("waitlisted", waitlisted), ("refused", refused));
    }
}
