using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Catalog.UpdatePackProduct;

/// <summary>
/// Renames a pack product, changes its terms while none was sold, or deactivates it (no longer
/// sold; packs already sold keep working). A merge patch: fields left out stay as they are.
/// </summary>
/// <param name="ClassTypeIds">null or empty: every class type</param>
public sealed record UpdatePackProductCommand(
    Guid OrganizationId,
    Guid ProductId,
    Optional<string?> Name,
    Optional<int?> Credits,
    Optional<int?> ValidityDays,
    Optional<IReadOnlyList<Guid>?> ClassTypeIds,
    Optional<bool?> IsTrial,
    Optional<bool?> IsActive) : ITenantCommand<Result<PackProductResponse>>;

internal sealed class UpdatePackProductValidator : AbstractValidator<UpdatePackProductCommand>
{
    public UpdatePackProductValidator()
    {
        RuleFor(c => c.ProductId).NotEmpty().WithMessage("Name the pack product.");
        this.RuleForName(c => c.Name, PackProduct.NameMaxLength, $"A pack needs a name of at most {PackProduct.NameMaxLength} characters (it cannot be cleared).");
        // The ranges are PackProduct's to refuse (pack_product.invalid).
        RuleFor(c => c.Credits.Value).NotNull().When(c => c.Credits.IsSet).OverridePropertyName("credits").WithMessage("Credits cannot be cleared.");
        RuleFor(c => c.ValidityDays.Value).NotNull().When(c => c.ValidityDays.IsSet)
            .OverridePropertyName("validityDays").WithMessage("The validity cannot be cleared.");
        this.RuleForClassTypeIds(c => c.ClassTypeIds);
        this.RuleForSwitch(c => c.IsTrial, "isTrial");
        this.RuleForSwitch(c => c.IsActive, "isActive");
    }
}

internal sealed class UpdatePackProductHandler(IAppDbContext db, IRowLocks locks, TypeAdapterConfig mapping)
    : ICommandHandler<UpdatePackProductCommand, Result<PackProductResponse>>
{
    public async ValueTask<Result<PackProductResponse>> Handle(UpdatePackProductCommand command, CancellationToken ct)
    {
        // Exclusive: a sale holds the product's row shared, so "never sold" cannot change while the terms do.
        var product = await locks.LockAndLoadPackProductAsync(command.OrganizationId, command.ProductId, exclusive: true, ct);
        if (product is null) return PackErrors.ProductNotFound;
        if (command.Name is { IsSet: true, Value: { } name } && product.Rename(name) is { IsFailure: true } badName) return badName.Error!;

        if (command.Credits.IsSet || command.ValidityDays.IsSet || command.ClassTypeIds.IsSet || command.IsTrial.IsSet)
        {
            var classTypeIds = await db.ClassTypes.CoveredAsync(command.ClassTypeIds.Or(product.ClassTypeIds), ct);
            if (classTypeIds.IsFailure) return classTypeIds.Error!;
            var hasBeenSold = await db.ClassPacks.AnyAsync(p => p.ProductId == product.Id, ct);
            var terms = product.ChangeTerms(
                command.Credits.Or(product.Credits) ?? product.Credits,
                command.ValidityDays.Or(product.ValidityDays) ?? product.ValidityDays,
                classTypeIds.Value,
                command.IsTrial.Or(product.IsTrial) ?? product.IsTrial,
                hasBeenSold);
            if (terms.IsFailure) return terms.Error!;
        }
        command.IsActive.ApplyTo(product);
        return product.Adapt<PackProductResponse>(mapping);
    }
}
