namespace UnifiedCustomers.Domain.Packs;

public static class PackErrors
{
    public static readonly Error ProductNotFound = Error.NotFound("pack_product.not_found", "No such pack product in this organization.");
    public static readonly Error ProductInactive = new("pack_product.inactive", "The pack product is deactivated and no longer sold.");
    public static readonly Error ProductTermsLocked = Error.Conflict(
        "pack_product.terms_locked", "Packs of this product were sold: its credits, validity, class types and trial flag are fixed. Create a new product instead.");
    public static readonly Error ProductNameInvalid =
        Error.Invalid("pack_product.name_invalid", $"A pack needs a name of at most {PackProduct.NameMaxLength} characters.", "name");
    public static readonly Error NotFound = Error.NotFound("pack.not_found", "No such pack for this customer.");
    public static readonly Error NoCredits = new("pack.no_credits", "The pack has no credits left.");
    public static readonly Error Expired = new("pack.expired", "The pack has expired, or expires before the class starts.");
    public static readonly Error ClassTypeNotCovered = new("pack.class_type_not_covered", "The pack does not cover this class type.");
    public static readonly Error ProductInvalid = Error.Invalid("pack_product.invalid", $"A pack has between 1 and {PackProduct.MaxCredits} credits and is valid for between 1 and {PackProduct.MaxValidityDays} days.", "credits");
}
