using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Bookings.GetSessionRoster;

public sealed record GetSessionRosterQuery(Guid OrganizationId, Guid SessionId) : ITenantQuery<Result<SessionRosterResponse>>, IOrganizationRequest;

public sealed record RosterEntry(Guid BookingId, Guid CustomerId, string CustomerName, BookingStatus Status, PaymentMethod PaymentMethod, int? WaitlistPosition, DateTimeOffset BookedAt, DateTimeOffset? CheckedInAt);

public sealed record SessionRosterResponse(
    Guid SessionId,
    string ClassName,
    DateTimeOffset StartsAtUtc,
    DateTimeOffset StartsAtLocal,
    SessionStatus Status,
    int Capacity,
    int Booked,
    int Waitlisted,
    int Available,
    IReadOnlyList<RosterEntry> Attendees,
    IReadOnlyList<RosterEntry> Waitlist);

internal sealed class GetSessionRosterValidator : AbstractValidator<GetSessionRosterQuery>
{
    public GetSessionRosterValidator() => RuleFor(q => q.SessionId).NotEmpty();
}

internal sealed class GetSessionRosterHandler(CurrentOrganization current, IAppDbContext db) : IQueryHandler<GetSessionRosterQuery, Result<SessionRosterResponse>>
{
    public async ValueTask<Result<SessionRosterResponse>> Handle(GetSessionRosterQuery query, CancellationToken ct)
    {
        var organization = current.Organization;
        var session = await db.ClassSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.SessionId, ct);
        if (session is null) return SessionErrors.NotFound;
        var className = await db.ClassTypes.Where(t => t.Id == session.ClassTypeId).Select(t => t.Name).SingleAsync(ct);

        var entries = await (
            from b in db.Query(new RosterOfSession(query.SessionId))
            join c in db.Customers on b.CustomerId equals c.Id
            select new RosterEntry(b.Id, c.Id, (c.FirstName + " " + c.LastName).Trim(), b.Status, b.PaymentMethod, b.WaitlistPosition, b.BookedAt, b.CheckedInAt))
            .ToListAsync(ct);
        var attendees = entries.Where(e => e.Status != BookingStatus.Waitlisted).ToList();
        var waitlist = entries.Where(e => e.Status == BookingStatus.Waitlisted).ToList();
        return new SessionRosterResponse(
            session.Id, className, session.StartsAt, organization.LocalTime(session.StartsAt), session.Status, session.Capacity,
            attendees.Count, waitlist.Count, Math.Max(0, session.Capacity - attendees.Count), attendees, waitlist);
    }
}
