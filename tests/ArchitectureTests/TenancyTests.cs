using System.Text.RegularExpressions;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.ArchitectureTests;

/// <summary>Tenant filtering has one place (docs/adr/0030): the named query filter and its opt-outs.</summary>
public sealed partial class TenancyTests
{
    private static readonly string Tenancy = Path.Combine("src", "Infrastructure", "Persistence", "Tenancy");

    [Fact]
    public void NoQuery_FiltersByOrganizationItself() =>
        SourceOutsideTenancy(OrganizationComparison()).Should().BeEmpty(
            "the tenant filter limits every query of a tenant-owned entity; a handler that compares organizations itself is a second owner");

    [Fact]
    public void OnlyTheNamedOptOuts_GetPastTheFilter() =>
        SourceOutsideTenancy(IgnoringFilters()).Should().BeEmpty(
            "a query crosses organizations only through TenantQueries (AcrossOrganizations, FilteredByItsOwnSql)");

    private static List<string> SourceOutsideTenancy(Regex pattern)
    {
        var root = TestServer.RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file => !file.StartsWith(Tenancy, StringComparison.Ordinal)
                           && !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(file => pattern.IsMatch(File.ReadAllText(Path.Combine(root, file))))
            .ToList();
    }

    [GeneratedRegex(@"\.OrganizationId\s*==")]
    private static partial Regex OrganizationComparison();

    [GeneratedRegex(@"IgnoreQueryFilters")]
    private static partial Regex IgnoringFilters();
}
