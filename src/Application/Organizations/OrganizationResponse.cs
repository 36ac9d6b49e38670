using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Organizations;

/// <param name="BookingOpensDaysBefore">how many days before a class booking opens</param>
/// <param name="BookingClosesMinutesBefore">how many minutes before the start booking closes (0: at the start)</param>
/// <param name="LateCancelHours">a cancellation this close to the start is late</param>
/// <param name="LateCancelForfeitsCredit">a late cancellation keeps the credit or allowance spent</param>
/// <param name="WaitlistCap">places on a class's waitlist (0: no waitlist)</param>
/// <param name="PromotionCutoffMinutes">a freed seat goes to the waitlist only until this many minutes before the start</param>
/// <param name="DropInsForLeadsAndTrials">leads and trial customers may book a drop-in</param>
public sealed record BookingPolicyDto(
    int BookingOpensDaysBefore,
    int BookingClosesMinutesBefore,
    int LateCancelHours,
    bool LateCancelForfeitsCredit,
    int WaitlistCap,
    int PromotionCutoffMinutes,
    bool DropInsForLeadsAndTrials)
{
    public static BookingPolicyDto From(BookingPolicy policy) => new(
        policy.BookingOpensDaysBefore, policy.BookingClosesMinutesBefore, policy.LateCancelHours, policy.LateCancelForfeitsCredit,
        policy.WaitlistCap, policy.PromotionCutoffMinutes, policy.DropInsForLeadsAndTrials);

    public BookingPolicy ToPolicy() => new()
    {
        BookingOpensDaysBefore = BookingOpensDaysBefore,
        BookingClosesMinutesBefore = BookingClosesMinutesBefore,
        LateCancelHours = LateCancelHours,
        LateCancelForfeitsCredit = LateCancelForfeitsCredit,
        WaitlistCap = WaitlistCap,
        PromotionCutoffMinutes = PromotionCutoffMinutes,
        DropInsForLeadsAndTrials = DropInsForLeadsAndTrials,
    };
}

/// <param name="Slug">the public widget's URL segment; fixed at creation</param>
/// <param name="TimeZone">IANA time zone: local dates, recurring bookings and allowance periods follow it</param>
/// <param name="Country">ISO 3166 two-letter code: phone numbers are normalised for it</param>
public sealed record OrganizationResponse(
    Guid Id, string Name, string Slug, string TimeZone, string Country, BookingPolicyDto Policy, DateTimeOffset CreatedAt)
{
    public static OrganizationResponse From(Organization organization) => new(
        organization.Id, organization.Name, organization.Slug, organization.TimeZone, organization.Country,
        BookingPolicyDto.From(organization.Policy), organization.CreatedAt);
}
