namespace UnifiedCustomers.Application.Scheduling.ListSessions;

/// <summary>
/// The timetable between two of the studio's local dates (both included), in start order. Without
/// a range, the coming week: today and the 6 days after it (with only one end, the 7 days from or
/// up to it).
/// </summary>
/// <param name="ClassTypeId">only sessions of this class type</param>
/// <param name="InstructorId">only sessions this instructor teaches</param>
/// <param name="LocationId">only sessions held at this location</param>
/// <param name="Available">true: only sessions with a seat left; false: only full or cancelled ones</param>
/// <param name="NotStartedOnly">only sessions that have not started (the public schedule)</param>
public sealed record ListSessionsQuery(
    Guid OrganizationId,
    DateOnly? From = null,
    DateOnly? To = null,
    Guid? ClassTypeId = null,
    Guid? InstructorId = null,
    Guid? LocationId = null,
    bool? Available = null,
    bool NotStartedOnly = false) : ITenantQuery<Result<IReadOnlyList<SessionOverviewResponse>>>, IOrganizationRequest
{
    public const int MaxDays = 92;
    public const int DefaultDays = 7;
}

internal sealed class ListSessionsValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("The range ends before it starts.");
        RuleFor(q => q.To).Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber < ListSessionsQuery.MaxDays)
            .When(q => q.From is not null && q.To is not null)
            .WithMessage($"List at most {ListSessionsQuery.MaxDays} days at a time.");
        RuleFor(q => q.ClassTypeId).NotEqual(Guid.Empty).WithMessage("The class type id cannot be empty.");
        RuleFor(q => q.InstructorId).NotEqual(Guid.Empty).WithMessage("The instructor id cannot be empty.");
        RuleFor(q => q.LocationId).NotEqual(Guid.Empty).WithMessage("The location id cannot be empty.");
    }
}

internal sealed class ListSessionsHandler(CurrentOrganization current, IAppDbContext db, TimeProvider clock) : IQueryHandler<ListSessionsQuery, Result<IReadOnlyList<SessionOverviewResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<SessionOverviewResponse>>> Handle(ListSessionsQuery query, CancellationToken ct)
    {
        var organization = current.Organization;
        var now = clock.GetUtcNow();
        var (fromDate, toDate) = Range(query, organization.LocalDate(now));
        var from = organization.StartOfDay(fromDate);
        var until = organization.StartOfDay(toDate.AddDays(1));

        var sessions = db.ClassSessions.AsNoTracking()
            .Where(s => s.StartsAt >= from && s.StartsAt < until);
        if (query.NotStartedOnly) sessions = sessions.Where(s => s.StartsAt > now);
        if (query.ClassTypeId is { } classTypeId) sessions = sessions.Where(s => s.ClassTypeId == classTypeId);
        if (query.InstructorId is { } instructorId) sessions = sessions.Where(s => s.InstructorId == instructorId);
        if (query.LocationId is { } locationId) sessions = sessions.Where(s => s.LocationId == locationId);
        if (query.Available is { } available)
            sessions = available ? SessionOverviews.WithSeatsLeft(sessions, db.Bookings) : SessionOverviews.WithoutSeatsLeft(sessions, db.Bookings);
        var rows = await SessionOverviews.WithCounts(db, sessions).ToListAsync(ct);
        // Ordered here: SQL cannot order by a record built in the projection, and the range is bounded.
        return rows
            .OrderBy(r => r.StartsAt).ThenBy(r => r.ClassName, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(row => SessionOverviews.From(row, organization))
            .ToList();
    }

    private static (DateOnly From, DateOnly To) Range(ListSessionsQuery query, DateOnly today) => (query.From, query.To) switch
    {
        ({ } from, { } to) => (from, to),
        ({ } from, null) => (from, from.AddDays(ListSessionsQuery.DefaultDays - 1)),
        (null, { } to) => (to.AddDays(1 - ListSessionsQuery.DefaultDays), to),
        _ => (today, today.AddDays(ListSessionsQuery.DefaultDays - 1)),
    };
}
