using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Customers;

public sealed class CustomerBookingsPagingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// README "Paging": one contract for a customer's bookings; a front end walking page 1, 2, 3 ... must
    /// see every booking exactly once. Bookings whose classes start at the same instant (two rooms at 18:00,
    /// a booking cancelled and made again) tie on the only sort key.
    /// </summary>
    [Theory]
    [InlineData("all")]
    [InlineData("upcoming")]
    public async Task ACustomersBookings_PagedOneByOne_ShowEveryBookingExactlyOnce(string when)
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync("Page", "Walker");
        await studio.PackAsync(customer, credits: 50);
        var startsAt = api.Clock.GetUtcNow() + TimeSpan.FromDays(2);
        var expected = new HashSet<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var classType = await studio.ClassTypeAsync("Room " + i);
            var session = (await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = classType, startsAt, capacity = 10 })).Id();
            expected.Add(await studio.BookingAsync(customer, session));
        }

        var seen = new List<Guid>();
        for (var page = 1; page <= expected.Count; page++)
        {
            var response = await studio.GetAsync($"/api/v1/customers/{customer}/bookings?when={when}&page={page}&pageSize=1");
            await response.ShouldBe(HttpStatusCode.OK);
            var body = await response.JsonAsync();
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.Id()));
        }

        seen.Should().OnlyHaveUniqueItems("no booking may appear on two pages");
        seen.Should().BeEquivalentTo(expected, "no booking may be skipped");
    }
}
