using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.GetSession;

public sealed record GetSessionQuery(Guid OrganizationId, Guid SessionId) : ITenantQuery<Result<SessionOverviewResponse>>;

internal sealed class GetSessionValidator : AbstractValidator<GetSessionQuery>
{
    public GetSessionValidator() => RuleFor(q => q.SessionId).NotEmpty().WithMessage("Name the session.");
}

internal sealed class GetSessionHandler(IAppDbContext db) : IQueryHandler<GetSessionQuery, Result<SessionOverviewResponse>>
{
    public async ValueTask<Result<SessionOverviewResponse>> Handle(GetSessionQuery query, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.OrganizationId, ct);
        if (organization is null) return SessionErrors.NotFound;
        var sessions = db.ClassSessions.AsNoTracking().Where(s => s.Id == query.SessionId);
        var row = await SessionOverviews.WithCounts(db, sessions).FirstOrDefaultAsync(ct);
        return row is null ? SessionErrors.NotFound : SessionOverviews.From(row, organization);
    }
}
