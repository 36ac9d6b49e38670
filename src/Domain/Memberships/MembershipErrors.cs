namespace UnifiedCustomers.Domain.Memberships;

public static class MembershipErrors
{
    public static readonly Error PlanNotFound = Error.NotFound("membership_plan.not_found", "No such membership plan in this organization.");
    public static readonly Error PlanInactive = new("membership_plan.inactive", "The membership plan is deactivated and no longer sold.");
    public static readonly Error PlanTermsLocked = Error.Conflict(
        "membership_plan.terms_locked", "Memberships of this plan were sold: its allowance, class types and trial flag are fixed. Create a new plan instead.");
    public static readonly Error PlanNameInvalid =
        Error.Invalid("membership_plan.name_invalid", $"A plan needs a name of at most {MembershipPlan.NameMaxLength} characters.", "name");
    public static readonly Error NotFound = Error.NotFound("membership.not_found", "No such membership for this customer.");
    public static readonly Error AllowanceUsed = new("membership.allowance_used", "The membership's classes for this period are used up.");
    public static readonly Error Paused = new("membership.paused", "The membership is paused on the class's date.");
    public static readonly Error Expired = new("membership.expired", "The membership is not active on the class's date.");
    public static readonly Error ClassTypeNotCovered = new("membership.class_type_not_covered", "The membership does not cover this class type.");
    public static readonly Error NotActive = Error.Conflict("membership.not_active", "Only an active membership can be paused, and only an active or paused one cancelled.");
    public static readonly Error NotPaused = Error.Conflict("membership.not_paused", "The membership is not paused.");
    public static readonly Error AllowanceInvalid = Error.Invalid(
        "membership_plan.allowance_invalid", "A limited allowance needs a number of classes of at least 1; an unlimited one has none.", "allowanceClasses");
    public static readonly Error PauseInvalid = Error.Invalid("membership.pause_invalid", "A pause must end after it starts.", "until");
    public static readonly Error DatesInvalid = Error.Invalid("membership.dates_invalid", "A membership cannot end before it starts.", "endDate");
}
