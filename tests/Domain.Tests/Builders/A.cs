namespace UnifiedCustomers.Domain.Tests.Builders;

/// <summary>Entry point to the builders: <c>A.Customer.AsMember().Build()</c>.</summary>
internal static class A
{
    /// <summary>The organization every builder uses unless told otherwise.</summary>
    public static readonly Guid StudioId = Guid.Parse("0196f2a0-0000-7000-8000-000000000001");

    public static OrganizationBuilder Organization => new();
    public static CustomerBuilder Customer => new();
    public static SessionBuilder Session => new();
    public static MembershipBuilder Membership => new();
    public static PackBuilder Pack => new();
    public static BookingBuilder Booking => new();
}
