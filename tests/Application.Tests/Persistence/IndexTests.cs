using Npgsql;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>
/// The indexes of the migrated schema, read from its catalog (docs/adr/0035): each one a write pays
/// for earns its place. A tenant foreign key's column is only ever searched for together with the
/// organization (the tenant filter and the row policy add it to every query), so an index starting
/// with that column alone is a second index where one leading with the organization serves both the
/// query and the key. An optional reference is never searched for when missing, so its index holds
/// only the rows that have one (docs/adr/0036).
/// </summary>
public sealed class IndexTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // The index's leading columns are the foreign key's, in any order (PostgreSQL matches them as a set).
    private const string LeadsWithTheKeysColumns =
        "(ix.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey AND (ix.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey";

    [Fact]
    public async Task EveryForeignKey_IsServedByAnIndexThatLeadsWithItsColumns()
    {
        var unserved = await QueryAsync(
            $"""
            SELECT c.conrelid::regclass::text || ': ' || c.conname
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND NOT EXISTS (
                SELECT 1 FROM pg_index ix
                WHERE ix.indrelid = c.conrelid AND ix.indnkeyatts >= cardinality(c.conkey)
                  AND (ix.indpred IS NULL OR pg_get_expr(ix.indpred, ix.indrelid) IN (
                        SELECT format('(%I IS NOT NULL)', a.attname) FROM pg_attribute a
                        WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) AND NOT a.attnotnull))
                  AND {LeadsWithTheKeysColumns})
            ORDER BY 1
            """);

        unserved.Should().BeEmpty("deleting or re-keying a referenced row looks its referencing rows up by the key's columns");
    }

    [Fact]
    public async Task AnIndexServingANullableReference_HoldsOnlyTheRowsThatReferenceSomething()
    {
        var holdingNulls = await QueryAsync(
            $"""
            SELECT DISTINCT ix.indexrelid::regclass::text
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) AND NOT a.attnotnull
            JOIN pg_index ix ON ix.indrelid = c.conrelid AND NOT ix.indisunique
             AND {LeadsWithTheKeysColumns}
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND pg_get_expr(ix.indpred, ix.indrelid) IS DISTINCT FROM format('(%I IS NOT NULL)', a.attname)
            ORDER BY 1
            """);

        holdingNulls.Should().BeEmpty("a key never looks up a missing reference, and a booking paid by neither membership nor pack updates neither index");
    }

    [Fact]
    public async Task NoIndexOfATenantTable_StartsWithATenantForeignKeysColumnWithoutTheOrganization()
    {
        var withoutOrganization = await QueryAsync(
            """
            SELECT DISTINCT ix.indexrelid::regclass::text
            FROM pg_index ix
            JOIN pg_attribute org ON org.attrelid = ix.indrelid AND org.attname = 'organization_id' AND NOT org.attisdropped
            JOIN pg_constraint c ON c.conrelid = ix.indrelid AND c.contype = 'f' AND org.attnum = ANY (c.conkey)
            WHERE NOT ix.indisunique AND ix.indkey[0] = ANY (c.conkey) AND ix.indkey[0] <> org.attnum
            ORDER BY 1
            """);

        withoutOrganization.Should().BeEmpty("such an index leads with organization_id, so it also serves the foreign key");
    }

    [Fact]
    public async Task NoPlainIndex_IsALeadingPartOfAnotherIndexOfItsTable()
    {
        var redundant = await QueryAsync(
            """
            SELECT a.indexrelid::regclass::text || ' leads ' || b.indexrelid::regclass::text
            FROM pg_index a
            JOIN pg_index b ON b.indrelid = a.indrelid AND b.indexrelid <> a.indexrelid
            JOIN pg_class t ON t.oid = a.indrelid
            WHERE t.relnamespace = 'public'::regnamespace AND NOT a.indisunique AND a.indpred IS NULL AND b.indpred IS NULL
              AND a.indexprs IS NULL AND a.indnkeyatts <= b.indnkeyatts
              AND (a.indkey::int2[])[0:a.indnkeyatts - 1] = (b.indkey::int2[])[0:a.indnkeyatts - 1]
            ORDER BY 1
            """);

        redundant.Should().BeEmpty("every search the shorter index serves, the longer one serves too, and each write updates both");
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
