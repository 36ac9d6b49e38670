using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.UpdateLocation;

/// <summary>Renames, deactivates or reactivates a location (a merge patch: fields left out stay as they are).</summary>
/// <param name="IsActive">false: no new session can be held there; the sessions it has stay there</param>
public sealed record UpdateLocationCommand(Guid OrganizationId, Guid LocationId, Optional<string?> Name, Optional<bool?> IsActive)
    : ITenantCommand<Result<LocationResponse>>;

internal sealed class UpdateLocationValidator : AbstractValidator<UpdateLocationCommand>
{
    public UpdateLocationValidator()
    {
        RuleFor(c => c.LocationId).NotEmpty().WithMessage("Name the location.");
        RuleFor(c => c.Name.Value).NotEmpty().MaximumLength(Location.NameMaxLength).When(c => c.Name.IsSet).OverridePropertyName("name")
            .WithMessage($"A location needs a name of at most {Location.NameMaxLength} characters (it cannot be cleared).");
        RuleFor(c => c.IsActive.Value).NotNull().When(c => c.IsActive.IsSet).OverridePropertyName("isActive").WithMessage("isActive is true or false.");
    }
}

internal sealed class UpdateLocationHandler(IAppDbContext db, TypeAdapterConfig mapping) : ICommandHandler<UpdateLocationCommand, Result<LocationResponse>>
{
    public async ValueTask<Result<LocationResponse>> Handle(UpdateLocationCommand command, CancellationToken ct)
    {
        var location = await db.Locations.FirstOrDefaultAsync(i => i.OrganizationId == command.OrganizationId && i.Id == command.LocationId, ct);
        if (location is null) return LocationErrors.NotFound;
        if (command.Name is { IsSet: true, Value: { } name })
        {
            var renamed = location.Rename(name);
            if (renamed.IsFailure) return renamed.Error!;
            var newName = location.Name;
            if (await db.Locations.AnyAsync(i => i.OrganizationId == command.OrganizationId && i.Name == newName && i.Id != location.Id, ct))
                return LocationErrors.NameTaken;
        }
        if (command.IsActive is { IsSet: true, Value: { } active })
        {
            if (active) location.Activate();
            else location.Deactivate();
        }
        return location.Adapt<LocationResponse>(mapping);
    }
}
