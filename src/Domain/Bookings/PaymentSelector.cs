using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Bookings;

/// <summary>A customer's membership with the classes it already paid in the period that contains the session.</summary>
public sealed record MembershipUsage(Membership Membership, int UsedInPeriod);

/// <summary>What a caller asks to pay with; null means "choose for me".</summary>
public sealed record PaymentChoice(PaymentMethod Method, Guid? Id = null);

/// <summary>Everything the payment rules look at for one customer and one session.</summary>
public sealed record PaymentContext(
    Customer Customer,
    ClassSession Session,
    DateOnly SessionDate,
    IReadOnlyList<MembershipUsage> Memberships,
    IReadOnlyList<ClassPack> Packs,
    BookingPolicy Policy,
    DateTimeOffset Now);

/// <summary>
/// Chooses how a booking is paid: an active membership whose allowance covers the class, else the
/// valid pack that expires first, else a drop-in for a lead or trial when the studio allows it.
/// </summary>
public static class PaymentSelector
{
    public static Result<BookingPayment> Choose(PaymentContext context, PaymentChoice? choice) =>
        choice is null ? ChooseAutomatically(context) : CheckChoice(context, choice);

    private static Result<BookingPayment> ChooseAutomatically(PaymentContext context)
    {
        var reasons = new List<Error>();
        foreach (var usage in context.Memberships.OrderBy(u => u.Membership.IsTrial).ThenBy(u => u.Membership.EndDate ?? DateOnly.MaxValue))
        {
            var covers = Covers(context, usage);
            if (covers.IsSuccess) return BookingPayment.ByMembership(usage.Membership.Id);
            reasons.Add(covers.Error! with { Field = usage.Membership.Id.ToString() });
        }
        foreach (var pack in context.Packs.OrderBy(p => p.ExpiresAt ?? DateTimeOffset.MaxValue).ThenBy(p => p.PurchasedAt))
        {
            var pays = pack.CanPay(context.Session.ClassTypeId, context.Session.StartsAt);
            if (pays.IsSuccess) return BookingPayment.ByPack(pack.Id);
            reasons.Add(pays.Error! with { Field = pack.Id.ToString() });
        }
        var dropIn = DropIn(context);
        if (dropIn.IsSuccess) return BookingPayment.DropIn;
        reasons.Add(dropIn.Error!);
        return BookingErrors.NoPaymentAvailable with { Reasons = reasons };
    }

    private static Result<BookingPayment> CheckChoice(PaymentContext context, PaymentChoice choice)
    {
        switch (choice.Method)
        {
            case PaymentMethod.Membership:
                var usage = context.Memberships.FirstOrDefault(u => u.Membership.Id == choice.Id);
                if (usage is null) return MembershipErrors.NotFound;
                return Covers(context, usage).Map(() => BookingPayment.ByMembership(usage.Membership.Id));
            case PaymentMethod.Pack:
                var pack = context.Packs.FirstOrDefault(p => p.Id == choice.Id);
                if (pack is null) return PackErrors.NotFound;
                return pack.CanPay(context.Session.ClassTypeId, context.Session.StartsAt).Map(() => BookingPayment.ByPack(pack.Id));
            case PaymentMethod.DropIn:
                return DropIn(context).Map(() => BookingPayment.DropIn);
            case PaymentMethod.Complimentary:
                return BookingPayment.Complimentary;
            default:
                return BookingErrors.PaymentMethodInvalid;
        }
    }

    private static Result Covers(PaymentContext context, MembershipUsage usage) =>
        usage.Membership.CanCover(context.SessionDate, context.Session.ClassTypeId).Bind(() => usage.Membership.HasRoomFor(usage.UsedInPeriod));

    private static Result DropIn(PaymentContext context) =>
        context.Policy.DropInsForLeadsAndTrials && context.Customer.Status is LifecycleStatus.Lead or LifecycleStatus.Trial
            ? Result.Success()
            : BookingErrors.DropInNotAllowed;
}
