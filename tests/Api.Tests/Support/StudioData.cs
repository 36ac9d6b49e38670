using Npgsql;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>A studio with one of everything, arranged through the API: what the cross-tenant and fuzz suites aim at.</summary>
public sealed record StudioData(
    TestStudio Studio, Guid ClassType, Guid Customer, Guid OtherCustomer, Guid Session, Guid PackProduct, Guid Pack, Guid Plan, Guid Membership,
    Guid Booking, Guid Note, Guid WebhookSubscription, Guid WebhookDelivery, Guid Instructor, Guid Location, Guid AccessToken = default, string MemberToken = "")
{
    public static async Task<StudioData> ArrangeAsync(ApiFactory api)
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync("Secret Class " + studio.Slug);
        var customer = await studio.CustomerAsync("Secret", studio.Slug, $"secret@{studio.Slug}.test");
        var other = await studio.CustomerAsync("Other", "Person");
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(3));
        var product = (await studio.CreatedAsync("/api/v1/pack-products", new { name = "Ten Pass", credits = 10, validityDays = 90 })).Id();
        var pack = (await studio.CreatedAsync($"/api/v1/customers/{customer}/packs", new { productId = product })).Id();
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Twice Weekly", allowancePeriod = "week", allowanceClasses = 2 })).Id();
        var membership = (await studio.CreatedAsync($"/api/v1/customers/{other}/memberships", new { planId = plan, startDate = "2026-05-01" })).Id();
        var booking = await studio.BookingAsync(customer, session);
        var note = (await studio.CreatedAsync($"/api/v1/customers/{customer}/notes", new { content = "Secret note" })).Id();
        var subscription = (await studio.CreatedAsync("/api/v1/webhook-subscriptions", new { url = $"http://127.0.0.1:9/{studio.Slug}" })).GetProperty("subscription").Id();
        await Events.EventsApi.PublishAsync(api);
        var deliveries = await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries")).JsonAsync();
        var delivery = deliveries.GetProperty("items")[0].Id();
        var instructor = await studio.InstructorAsync("Secret Instructor " + studio.Slug);
        var location = await studio.LocationAsync("Secret Location " + studio.Slug);
        var member = await studio.MemberAsync(customer);
        return new StudioData(studio, classType, customer, other, session, product, pack, plan, membership, booking, note, subscription, delivery, instructor, location, member.TokenId, member.Token);
    }

    public IEnumerable<Guid> Ids => [Studio.Id, ClassType, Customer, OtherCustomer, Session, PackProduct, Pack, Plan, Membership, Booking, Note, WebhookSubscription, WebhookDelivery, Instructor, Location, AccessToken];

    /// <summary>A client acting as <see cref="Customer"/> with a customer access token.</summary>
    public HttpClient MemberClient()
    {
        var client = Studio.Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", MemberToken);
        return client;
    }
}

public static class Rows
{
    /// <summary>How many rows each table holds, read as the owner (no row-level security in the way).</summary>
    public static async Task<Dictionary<string, long>> CountAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    /// <summary>A fingerprint of every row of every table, to prove nothing changed (not only the counts).</summary>
    public static async Task<string> FingerprintAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = (await CountAsync(database)).Keys.Where(t => t != "__EFMigrationsHistory");
        var parts = new List<string>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            parts.Add(table + ":" + await command.ExecuteScalarAsync());
        }
        return string.Join('\n', parts);
    }
}
