namespace UnifiedCustomers.Application.Organizations.UpdateOrganization;

/// <summary>
/// Replaces the studio's settings. Nothing is retroactive: bookings, cancellations, waitlist places
/// and sessions already made keep what was decided under the old settings; the new ones apply to
/// what happens from now on (see README, "Studio settings").
/// </summary>
public sealed record UpdateOrganizationCommand(Guid OrganizationId, string Name, string TimeZone, string Country, BookingPolicyDto Policy)
    : ITenantCommand<Result<OrganizationResponse>>;

internal sealed class UpdateOrganizationValidator : AbstractValidator<UpdateOrganizationCommand>
{
    // Shape only; the ranges are the domain's (BookingPolicy.Validate), so clients see one code for them.
    public UpdateOrganizationValidator() => RuleFor(c => c.Policy).NotNull();
}

internal sealed class UpdateOrganizationHandler(IAppDbContext db) : ICommandHandler<UpdateOrganizationCommand, Result<OrganizationResponse>>
{
    public async ValueTask<Result<OrganizationResponse>> Handle(UpdateOrganizationCommand command, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct);
        if (organization is null) return ApplicationErrors.OrganizationNotFound;
        var updated = organization.UpdateSettings(command.Name, command.TimeZone, command.Country, command.Policy.ToPolicy());
        return updated.IsSuccess ? OrganizationResponse.From(organization) : updated.Error!;
    }
}
