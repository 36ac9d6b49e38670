using System.Globalization;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>The short names sample.sql uses for its ids (C01 = c1100000-0000-0000-0000-000000000001).</summary>
internal static class SampleIds
{
    public static readonly Guid Same = Guid.Parse("5a3e0000-0000-0000-0000-000000000001");

    public static Guid O(int n) => Make("0a000000", n);
    public static Guid L(int n) => Make("1ead0000", n);
    public static Guid C(int n) => Make("c1100000", n);
    public static Guid S(int n) => Make("5e550000", n);
    public static Guid B(int n) => Make("b0000000", n);
    public static Guid CB(int n) => Make("cb000000", n);
    public static Guid M(int n) => Make("ee000000", n);
    public static Guid K(int n) => Make("cc000000", n);
    public static Guid W(int n) => Make("aa000000", n);
    public static Guid Note(int n) => Make("dd000000", n);

    private static Guid Make(string prefix, int n) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"{prefix}-0000-0000-0000-{n:D12}"));
}
