using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Tests.Organizations;

public sealed class OrganizationEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Settings(string name = "Northside Yoga", string timeZone = "Europe/Dublin", string country = "ie", int waitlistCap = 3, int lateCancelHours = 24) => new
    {
        name, timeZone, country,
        policy = new
        {
            bookingOpensDaysBefore = 7, bookingClosesMinutesBefore = 30, lateCancelHours, lateCancelForfeitsCredit = false, waitlistCap,
            promotionCutoffMinutes = 120, dropInsForLeadsAndTrials = false,
        },
    };

    [Fact]
    public async Task Get_ShowsTheKeysOwnOrganization()
    {
        var studio = await api.StudioAsync();

        var organization = await (await studio.GetAsync("/api/v1/organization")).JsonAsync();

        organization.Id().Should().Be(studio.Id);
        organization.Str("slug").Should().Be(studio.Slug);
        organization.Str("timeZone").Should().Be("Europe/London");
        organization.GetProperty("policy").GetProperty("waitlistCap").GetInt32().Should().Be(10);
    }

    [Fact]
    public async Task Put_ReplacesTheSettings_KeepsTheSlug_AndIsStored()
    {
        var studio = await api.StudioAsync();

        var response = await studio.PutAsync("/api/v1/organization", Settings());

        await response.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("country").Should().Be("IE");
        await using var db = api.Database.CreateDbContext();
        var row = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == studio.Id);
        (row.Name, row.Slug, row.TimeZone, row.Country).Should().Be(("Northside Yoga", studio.Slug, "Europe/Dublin", "IE"));
        row.Policy.Should().BeEquivalentTo(new
        {
            BookingOpensDaysBefore = 7, BookingClosesMinutesBefore = 30, LateCancelHours = 24, LateCancelForfeitsCredit = false, WaitlistCap = 3,
            PromotionCutoffMinutes = 120, DropInsForLeadsAndTrials = false,
        });
    }

    [Theory]
    [InlineData("", "Europe/London", "GB", 3, "organization.name_required", "name")]
    [InlineData("Studio", "Mars/Olympus", "GB", 3, "organization.time_zone_unknown", "timeZone")]
    [InlineData("Studio", "localtime", "GB", 3, "organization.time_zone_unknown", "timeZone")]
    [InlineData("Studio", "Europe/London", "GBR", 3, "organization.country_invalid", "country")]
    [InlineData("Studio", "Europe/London", "G1", 3, "organization.country_invalid", "country")]
    [InlineData("Studio", "Europe/London", "GB", -1, "organization.policy_invalid", "policy.waitlistCap")]
    [InlineData("Studio", "Europe/London", "GB", 5000, "organization.policy_invalid", "policy.waitlistCap")]
    public async Task Put_WithAnInvalidValue_Is400NamingTheField_AndChangesNothing(string name, string timeZone, string country, int cap, string code, string field)
    {
        var studio = await api.StudioAsync();
        var before = await Rows.FingerprintAsync(api.Database);

        var problem = await (await studio.PutAsync("/api/v1/organization", Settings(name, timeZone, country, cap))).ShouldBeProblem(HttpStatusCode.BadRequest, code);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        (await Rows.FingerprintAsync(api.Database)).Should().Be(before);
    }

    [Fact]
    public async Task Put_IsNotRetroactive_ALowerWaitlistCapKeepsThoseWaiting_AndApplesToNewPlaces()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync(capacity: 1);
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(2), capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync("Seated"), session);
        var waiting = new List<Guid>();
        foreach (var name in new[] { "Wait1", "Wait2" })
            waiting.Add((await studio.CreatedAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync(name), sessionId = session, joinWaitlistIfFull = true })).Id());

        await (await studio.PutAsync("/api/v1/organization", Settings(waitlistCap: 1))).ShouldBe(HttpStatusCode.OK);

        await using (var db = api.Database.CreateDbContext())
            (await db.Bookings.Where(b => waiting.Contains(b.Id)).Select(b => b.Status).ToListAsync()).Should().OnlyContain(s => s == BookingStatus.Waitlisted).And.HaveCount(2);
        await (await studio.PostAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync("Late"), sessionId = session, joinWaitlistIfFull = true }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "waitlist.full");
    }

    [Fact]
    public async Task AppRole_MayUpdateOnlyTheSettingsColumns()
    {
        var studio = await api.StudioAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Username = DatabaseRoles.App }.ConnectionString);
        await connection.OpenAsync();

        // Scoped to the organization, as the API's unit of work is (row-level security holds updates to it).
        await using (var scoped = await connection.BeginTransactionAsync())
        {
            await using (var scope = new NpgsqlCommand($"SELECT set_config('app.organization_id', '{studio.Id}', true)", connection, scoped))
                await scope.ExecuteScalarAsync();
            await using (var allowed = new NpgsqlCommand($"UPDATE organizations SET name = 'Renamed', policy_waitlist_cap = 4 WHERE id = '{studio.Id}'", connection, scoped))
                (await allowed.ExecuteNonQueryAsync()).Should().Be(1);
            await scoped.CommitAsync();
        }
        foreach (var column in new[] { "slug = 'stolen'", "id = gen_random_uuid()", "created_at = now()" })
        {
            await using var refused = new NpgsqlCommand($"UPDATE organizations SET {column} WHERE id = '{studio.Id}'", connection);
            var act = () => refused.ExecuteNonQueryAsync();
            (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("42501");
        }
    }
}
