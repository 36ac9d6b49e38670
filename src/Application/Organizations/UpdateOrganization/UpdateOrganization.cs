namespace UnifiedCustomers.Application.Organizations.UpdateOrganization;

/// <summary>
/// Replaces the studio's settings. Nothing is retroactive: bookings, cancellations, waitlist places
/// and sessions already made keep what was decided under the old settings; the new ones apply to
/// what happens from now on (see README, "Studio settings").
/// </summary>
public sealed record UpdateOrganizationCommand(Guid OrganizationId, string Name, string TimeZone, string Country, BookingPolicyDto Policy)
    : ITenantCommand<Result<OrganizationResponse>>, IOrganizationRequest;

internal sealed class UpdateOrganizationValidator : AbstractValidator<UpdateOrganizationCommand>
{
    // Shape only; the ranges are the domain's (BookingPolicy.Validate), so clients see one code for them.
    public UpdateOrganizationValidator() => RuleFor(c => c.Policy).NotNull();
}

internal sealed class UpdateOrganizationHandler(CurrentOrganization current) : ICommandHandler<UpdateOrganizationCommand, Result<OrganizationResponse>>
{
    public ValueTask<Result<OrganizationResponse>> Handle(UpdateOrganizationCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        var updated = organization.UpdateSettings(command.Name, command.TimeZone, command.Country, command.Policy.ToPolicy());
        return ValueTask.FromResult<Result<OrganizationResponse>>(updated.IsSuccess ? OrganizationResponse.From(organization) : updated.Error!);
    }
}
