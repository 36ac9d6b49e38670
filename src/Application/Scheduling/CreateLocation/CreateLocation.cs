using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.CreateLocation;

/// <summary>Adds a room or place where classes are held; names are unique in the organization.</summary>
public sealed record CreateLocationCommand(Guid OrganizationId, string Name) : ITenantCommand<Result<LocationResponse>>;

internal sealed class CreateLocationValidator : AbstractValidator<CreateLocationCommand>
{
    public CreateLocationValidator() =>
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Location.NameMaxLength)
            .WithMessage($"A location needs a name of at most {Location.NameMaxLength} characters.");
}

internal sealed class CreateLocationHandler(IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<CreateLocationCommand, Result<LocationResponse>>
{
    public async ValueTask<Result<LocationResponse>> Handle(CreateLocationCommand command, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == command.OrganizationId, ct)) return ApplicationErrors.OrganizationNotFound;
        var created = Location.Create(command.OrganizationId, command.Name, clock.GetUtcNow());
        if (created.IsFailure) return created.Error!;
        var name = created.Value.Name;
        // The unique index answers the same error when two creations race.
        if (await db.Locations.AnyAsync(i => i.OrganizationId == command.OrganizationId && i.Name == name, ct)) return LocationErrors.NameTaken;
        db.Locations.Add(created.Value);
        return created.Value.Adapt<LocationResponse>(mapping);
    }
}
