using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Catalog.CreatePackProduct;

/// <param name="ValidityDays">a pack sold today expires this many days later</param>
/// <param name="ClassTypeIds">limits the pack to these class types; empty or null covers every class</param>
/// <param name="IsTrial">buying it makes a lead a trial rather than a member</param>
public sealed record CreatePackProductCommand(
    Guid OrganizationId,
    string Name,
    int Credits,
    int ValidityDays,
    IReadOnlyList<Guid>? ClassTypeIds = null,
    bool IsTrial = false) : ITenantCommand<Result<PackProductResponse>>, IOrganizationRequest;

internal sealed class CreatePackProductValidator : AbstractValidator<CreatePackProductCommand>
{
    public CreatePackProductValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("A pack needs a name.")
            .MaximumLength(PackProduct.NameMaxLength).WithMessage($"A name is at most {PackProduct.NameMaxLength} characters.");
        RuleForEach(c => c.ClassTypeIds).NotEmpty().WithMessage("A class type id cannot be empty.");
    }
}

internal sealed class CreatePackProductHandler(IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<CreatePackProductCommand, Result<PackProductResponse>>
{
    public async ValueTask<Result<PackProductResponse>> Handle(CreatePackProductCommand command, CancellationToken ct)
    {
        return (await db.ClassTypes.CoveredAsync(command.ClassTypeIds, ct))
            .Bind(classTypeIds => PackProduct.Create(
                command.OrganizationId, command.Name, command.Credits, command.ValidityDays, classTypeIds, command.IsTrial, clock.GetUtcNow()))
            .Tap(product => db.PackProducts.Add(product))
            .Map(product => product.Adapt<PackProductResponse>(mapping));
    }
}
