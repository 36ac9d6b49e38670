using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Scheduling.ListSessions;

/// <summary>The timetable between two of the studio's local dates (both included), in start order.</summary>
/// <param name="ClassTypeId">only sessions of this class type</param>
public sealed record ListSessionsQuery(Guid OrganizationId, DateOnly From, DateOnly To, Guid? ClassTypeId = null)
    : ITenantQuery<Result<IReadOnlyList<SessionOverviewResponse>>>
{
    public const int MaxDays = 92;
}

internal sealed class ListSessionsValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The range ends before it starts.");
        RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber < ListSessionsQuery.MaxDays)
            .WithMessage($"List at most {ListSessionsQuery.MaxDays} days at a time.");
        RuleFor(q => q.ClassTypeId).NotEqual(Guid.Empty).WithMessage("The class type id cannot be empty.");
    }
}

internal sealed class ListSessionsHandler(IAppDbContext db) : IQueryHandler<ListSessionsQuery, Result<IReadOnlyList<SessionOverviewResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<SessionOverviewResponse>>> Handle(ListSessionsQuery query, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.OrganizationId, ct);
        if (organization is null) return ApplicationErrors.OrganizationNotFound;
        var from = organization.StartOfDay(query.From);
        var until = organization.StartOfDay(query.To.AddDays(1));

        var sessions = db.ClassSessions.AsNoTracking()
            .Where(s => s.OrganizationId == organization.Id && s.StartsAt >= from && s.StartsAt < until);
        if (query.ClassTypeId is { } classTypeId) sessions = sessions.Where(s => s.ClassTypeId == classTypeId);
        var rows = await SessionOverviews.WithCounts(sessions, db.ClassTypes, db.Bookings).ToListAsync(ct);
        // Ordered here: SQL cannot order by a record built in the projection, and the range is bounded.
        return rows
            .OrderBy(r => r.StartsAt).ThenBy(r => r.ClassName, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(row => SessionOverviews.From(row, organization))
            .ToList();
    }
}
