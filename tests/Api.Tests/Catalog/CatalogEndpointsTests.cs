using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Catalog;

public sealed class CatalogEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ClassTypes_PlansAndPackProducts_CreateAndList()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync("Yin");

        var plan = await studio.PostAsync("/api/v1/membership-plans", new { name = "Unlimited", allowancePeriod = "unlimited", classTypeIds = new[] { yoga } });
        var product = await studio.PostAsync("/api/v1/pack-products", new { name = "5 Pass", credits = 5, validityDays = 60, isTrial = true });

        await plan.ShouldBe(HttpStatusCode.Created);
        (await plan.JsonAsync()).Str("allowancePeriod").Should().Be("unlimited");
        await product.ShouldBe(HttpStatusCode.Created);
        (await (await studio.GetAsync("/api/v1/class-types")).JsonAsync())[0].Str("name").Should().Be("Yin");
        (await (await studio.GetAsync("/api/v1/membership-plans")).JsonAsync()).GetArrayLength().Should().Be(1);
        (await (await studio.GetAsync("/api/v1/pack-products")).JsonAsync())[0].GetProperty("isTrial").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task InvalidValues_Are400_AndUnknownClassTypesAre404()
    {
        var studio = await api.StudioAsync();

        var capacity = await studio.PostAsync("/api/v1/class-types", new { name = "Big", defaultCapacity = 0, defaultDurationMinutes = 60 });
        var period = await studio.PostAsync("/api/v1/membership-plans", new { name = "Odd", allowancePeriod = "fortnight", allowanceClasses = 2 });
        var unknownType = await studio.PostAsync("/api/v1/pack-products", new { name = "X", credits = 5, validityDays = 60, classTypeIds = new[] { Guid.NewGuid() } });

        // Issue #15: was validation.failed; ClassType owns the range.
        (await capacity.ShouldBeProblem(HttpStatusCode.BadRequest, "class_type.capacity_invalid")).GetProperty("errors").TryGetProperty("defaultCapacity", out _).Should().BeTrue();
        (await period.ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed")).GetProperty("errors").TryGetProperty("allowancePeriod", out _).Should().BeTrue();
        await unknownType.ShouldBeProblem(HttpStatusCode.NotFound, "class_type.not_found");
    }
}
