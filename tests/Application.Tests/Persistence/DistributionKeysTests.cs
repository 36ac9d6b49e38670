using Npgsql;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>
/// The path to a distributed PostgreSQL (Citus, distributed by organization_id; ARCHITECTURE.md,
/// "Running at scale"): every primary key and unique index of a distributed table must include
/// organization_id, and every foreign key between distributed tables must too. This lists, from the
/// migrated schema's catalog, what would block that today, so the gap stays visible: a change to it
/// (a new table keyed by id alone, or a key fixed) makes this test fail until the list below is updated.
/// </summary>
public sealed class DistributionKeysTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    /// <summary>Small, read before the organization is known (the API key, the public slug): copied to every node.</summary>
    private static readonly string[] ReferenceTables = ["organizations", "api_keys"];

    /// <summary>Primary keys and unique indexes of distributed tables that lack organization_id, as "table: index (definition)".</summary>
    private static readonly string[] KnownBlockingKeys =
    [
        "bookings: pk_bookings (id)",
        "bookings: ux_bookings_one_active_per_customer_and_session (customer_id, session_id) WHERE status IN (confirmed, waitlisted, attended)",
        "class_packs: pk_class_packs (id)",
        "class_sessions: pk_class_sessions (id)",
        "class_types: pk_class_types (id)",
        "credit_ledger: pk_credit_ledger (id)",
        "customer_access_tokens: pk_customer_access_tokens (id)",
        "customer_notes: pk_customer_notes (id)",
        "customer_status_changes: pk_customer_status_changes (id)",
        "customers: pk_customers (id)",
        "events: pk_events (id)",
        "instructors: pk_instructors (id)",
        "locations: pk_locations (id)",
        "membership_plans: pk_membership_plans (id)",
        "memberships: pk_memberships (id)",
        "pack_products: pk_pack_products (id)",
        "standing_bookings: pk_standing_bookings (id)",
        "webhook_deliveries: pk_webhook_deliveries (id)",
        "webhook_delivery_attempts: pk_webhook_delivery_attempts (id)",
        "webhook_subscriptions: pk_webhook_subscriptions (id)",
    ];

    [Fact]
    public async Task KeysThatWouldBlockDistributionByOrganization_AreTheKnownList()
    {
        var blocking = await QueryAsync(
            """
            SELECT t.relname || ': ' || i.relname || ' ' || substring(pg_get_indexdef(ix.indexrelid) FROM '\(.*$')
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND ix.indisunique AND NOT (t.relname = ANY ($1))
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'organization_id' AND a.attnum = ANY (ix.indkey))
            ORDER BY 1
            """);

        blocking.Select(Readable).Should().Equal(KnownBlockingKeys,
            "the keys blocking distribution changed; if on purpose, update KnownBlockingKeys and ARCHITECTURE.md. Now:\n" + string.Join("\n", blocking.Select(Readable)));
    }

    [Fact]
    public async Task ForeignKeysBetweenTenantTables_AllIncludeOrganizationOnBothSides()
    {
        var crossing = await QueryAsync(
            """
            SELECT c.conname
            FROM pg_constraint c
            JOIN pg_class src ON src.oid = c.conrelid
            JOIN pg_class dst ON dst.oid = c.confrelid
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND NOT (dst.relname = ANY ($1)) AND NOT (src.relname = ANY ($1))
              AND NOT (
                (SELECT attnum FROM pg_attribute WHERE attrelid = src.oid AND attname = 'organization_id') = ANY (c.conkey)
                AND (SELECT attnum FROM pg_attribute WHERE attrelid = dst.oid AND attname = 'organization_id') = ANY (c.confkey))
            ORDER BY 1
            """);

        crossing.Should().BeEmpty("a foreign key between distributed tables must include the distribution column on both sides");
    }

    private static string Readable(string key) => key
        .Replace("((status)::text = ANY ((ARRAY['confirmed'::character varying, 'waitlisted'::character varying, 'attended'::character varying])::text[]))",
            "status IN (confirmed, waitlisted, attended)", StringComparison.Ordinal);

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = ReferenceTables } } };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
