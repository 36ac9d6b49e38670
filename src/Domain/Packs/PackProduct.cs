using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Packs;

/// <summary>A class pack a studio sells: N credits valid for some days, optionally for some class types.</summary>
public sealed class PackProduct : Entity, ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int MaxCredits = 1000;
    public const int MaxValidityDays = 3660;

    private PackProduct() { }

    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public int Credits { get; private set; }
    public int ValidityDays { get; private set; }
    public Guid[] ClassTypeIds { get; private set; } = [];
    public bool IsTrial { get; private set; }
    public bool IsActive { get; private set; }

    public static Result<PackProduct> Create(
        Guid organizationId, string name, int credits, int validityDays, IEnumerable<Guid>? classTypeIds, bool isTrial, DateTimeOffset now, Guid? id = null)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return Error.Invalid("pack_product.name_invalid", $"A pack needs a name of at most {NameMaxLength} characters.", "name");
        if (credits is < 1 or > MaxCredits || validityDays is < 1 or > MaxValidityDays) return PackErrors.ProductInvalid;
        return new PackProduct
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Name = name.Trim(),
            Credits = credits,
            ValidityDays = validityDays,
            ClassTypeIds = classTypeIds?.Distinct().ToArray() ?? [],
            IsTrial = isTrial,
            IsActive = true,
        };
    }
}
