using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Sales.SellPack;

/// <summary>Sells a class pack; its credits are valid from now for the product's validity days.</summary>
public sealed record SellPackCommand(Guid OrganizationId, Guid CustomerId, Guid ProductId) : ITenantCommand<Result<PackResponse>>, IOrganizationRequest;

internal sealed class SellPackValidator : AbstractValidator<SellPackCommand>
{
    public SellPackValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
        RuleFor(c => c.ProductId).NotEmpty().WithMessage("Name the pack product.");
    }
}

internal sealed class SellPackHandler(IAppDbContext db, IRowLocks locks, SalesDesk desk, TimeProvider clock) : ICommandHandler<SellPackCommand, Result<PackResponse>>
{
    public async ValueTask<Result<PackResponse>> Handle(SellPackCommand command, CancellationToken ct)
    {
        var atCounter = await desk.CustomerAsync(command.CustomerId, ct);
        if (atCounter.IsFailure) return atCounter.Error!;
        var (organization, customer) = atCounter.Value;
        // Shared: the product's terms cannot change while it is being sold (UpdatePackProduct locks it exclusively).
        var product = await locks.LockAndLoadPackProductAsync(organization.Id, command.ProductId, exclusive: false, ct);
        if (product is null) return PackErrors.ProductNotFound;

        return await ClassPack.Sell(customer, product, clock.GetUtcNow())
            .Tap(pack => db.ClassPacks.Add(pack))
            .TapAsync(pack => desk.RecomputeAsync(organization, customer, $"bought pack {product.Name}", CustomerLifecycle.Sold.Pack(pack), ct))
            .Map(pack => SalesResponses.From(pack, product.Name, customer));
    }
}
