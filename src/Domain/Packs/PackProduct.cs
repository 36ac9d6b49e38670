namespace UnifiedCustomers.Domain.Packs;

/// <summary>A class pack a studio sells: N credits valid for some days, optionally for some class types.</summary>
public sealed class PackProduct : Entity, ITenantOwned, IDeactivatable
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
        var product = new PackProduct { Id = id ?? Guid.CreateVersion7(now), OrganizationId = organizationId, IsActive = true };
        return product.Rename(name).Bind(() => product.ChangeTerms(credits, validityDays, classTypeIds, isTrial, hasBeenSold: false)).Map(() => product);
    }

    public Result Rename(string name)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return PackErrors.ProductNameInvalid;
        Name = name.Trim();
        return Result.Success();
    }

    /// <summary>
    /// Credits, validity, the class types covered and the trial flag are what a customer buys: once
    /// a pack of the product was sold they are fixed (sell different terms as a new product).
    /// Setting them to what they already are is always allowed.
    /// </summary>
    public Result ChangeTerms(int credits, int validityDays, IEnumerable<Guid>? classTypeIds, bool isTrial, bool hasBeenSold)
    {
        if (credits is < 1 or > MaxCredits || validityDays is < 1 or > MaxValidityDays) return PackErrors.ProductInvalid;
        var types = classTypeIds?.Distinct().ToArray() ?? [];
        var unchanged = credits == Credits && validityDays == ValidityDays && isTrial == IsTrial && types.Order().SequenceEqual(ClassTypeIds.Order());
        if (unchanged) return Result.Success();
        if (hasBeenSold) return PackErrors.ProductTermsLocked;
        Credits = credits;
        ValidityDays = validityDays;
        ClassTypeIds = types;
        IsTrial = isTrial;
        return Result.Success();
    }

    /// <summary>No longer for sale; packs already sold keep working.</summary>
    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public Result EnsureCanBeSold() => IsActive ? Result.Success() : PackErrors.ProductInactive;
}
