using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>A JSON object that names a property twice says two things at once; it is refused, not read as its last value.</summary>
public sealed class RepeatedPropertyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ABodyNamingAPropertyTwice_Is400_AndStoresNothing()
    {
        var studio = await api.StudioAsync();

        var created = await studio.PostAsync("/api/v1/customers", """{"firstName":"Ann","lastName":"Twice","firstName":"Bea"}""");

        await created.ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        var listed = await (await studio.GetAsync("/api/v1/customers")).JsonAsync();
        listed.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task AMergePatchNamingAPropertyTwice_Is400_AndChangesNothing()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync("Cleo", "Kept");

        var patched = await studio.PatchAsync($"/api/v1/customers/{customer}", """{"firstName":"Dora","firstName":null}""");

        await patched.ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        var stored = await (await studio.GetAsync($"/api/v1/customers/{customer}")).JsonAsync();
        (stored.Str("firstName"), stored.Str("lastName")).Should().Be(("Cleo", "Kept"));
    }

    [Fact]
    public async Task AWidgetBookingNamingTheEmailTwice_Is400_AndBooksNothing()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));

        var booked = await api.CreateClient().PostAsync($"/api/v1/public/{studio.Slug}/bookings", new StringContent(
            $$"""{"sessionId":"{{session}}","name":"Eve Twice","email":"eve@example.test","email":"someone@example.test"}""",
            System.Text.Encoding.UTF8, "application/json"));

        await booked.ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        var overview = await (await studio.GetAsync($"/api/v1/sessions/{session}")).JsonAsync();
        overview.GetProperty("booked").GetInt32().Should().Be(0);
    }
}
