namespace UnifiedCustomers.Domain.Bookings;

public enum PaymentMethod
{
    Membership,
    Pack,
    DropIn,
    Complimentary,
    /// <summary>Migrated bookings that carried no payment reference: recorded, never guessed.</summary>
    LegacyUnknown,
}

/// <summary>How a booking is paid: a membership or a pack (with its id), or neither.</summary>
public sealed record BookingPayment(PaymentMethod Method, Guid? MembershipId = null, Guid? PackId = null)
{
    public static BookingPayment DropIn { get; } = new(PaymentMethod.DropIn);
    public static BookingPayment Complimentary { get; } = new(PaymentMethod.Complimentary);
    public static BookingPayment ByMembership(Guid id) => new(PaymentMethod.Membership, MembershipId: id);
    public static BookingPayment ByPack(Guid id) => new(PaymentMethod.Pack, PackId: id);

    /// <summary>Whether paying this way spends an allowance or a credit that a ledger row records.</summary>
    public bool Consumes => Method is PaymentMethod.Membership or PaymentMethod.Pack;
}
