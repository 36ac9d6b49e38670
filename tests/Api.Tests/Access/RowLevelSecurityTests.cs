using Npgsql;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Tests.Access;

/// <summary>
/// Defense in depth: as the API's own role, a query that forgets its organization filter still
/// sees only the organization of the transaction's app.organization_id, and nothing without it.
/// </summary>
public sealed class RowLevelSecurityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private NpgsqlConnection AppConnection() =>
        new(new NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Username = DatabaseRoles.App }.ConnectionString);

    [Fact]
    public async Task AppRole_IsNoSuperuser_AndOwnsNoTable()
    {
        await using var connection = AppConnection();
        await connection.OpenAsync();

        (await Scalar<bool>(connection, null, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")).Should().BeFalse();
        (await Scalar<long>(connection, null, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")).Should().Be(0);
    }

    [Fact]
    public async Task UnfilteredQuery_SeesOnlyTheTransactionsOrganization_NothingWithoutIt_AndCannotWriteAnothers()
    {
        var a = await api.StudioAsync();
        var b = await api.StudioAsync();
        await a.CustomerAsync("Ann");
        await a.CustomerAsync("Abe");
        await b.CustomerAsync("Bob");
        await using var connection = AppConnection();
        await connection.OpenAsync();

        await using (var scoped = await connection.BeginTransactionAsync())
        {
            await Scalar<string>(connection, scoped, $"SELECT set_config('app.organization_id', '{a.Id}', true)");
            (await Scalar<long>(connection, scoped, "SELECT count(*) FROM customers")).Should().Be(2);
            (await Scalar<long>(connection, scoped, "SELECT count(*) FROM class_types")).Should().Be(0);

            var insert = () => Scalar<int>(connection, scoped,
                $"INSERT INTO customers (id, organization_id, first_name, last_name, source, lifecycle_status, created_at, updated_at) " +
                $"VALUES (gen_random_uuid(), '{b.Id}', 'Eve', 'Intruder', 'test', 'lead', now(), now()) RETURNING 1");
            (await insert.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        }
        await using (var unscoped = await connection.BeginTransactionAsync())
        {
            (await Scalar<long>(connection, unscoped, "SELECT count(*) FROM customers")).Should().Be(0);
        }
        (await Scalar<long>(connection, null, "SELECT count(*) FROM customers")).Should().Be(0, "outside any transaction the setting is empty");
    }

    [Theory]
    [InlineData("UPDATE organizations SET slug = 'taken-over'")]
    [InlineData("UPDATE organizations SET allowed_origins = ARRAY['https://evil.example']")]
    [InlineData("INSERT INTO organizations (id, name, slug, time_zone, country, created_at) SELECT gen_random_uuid(), 'X', 'x-' || gen_random_uuid(), 'UTC', 'GB', now()")]
    [InlineData("DELETE FROM organizations")]
    [InlineData("TRUNCATE organizations CASCADE")]
    public async Task AppRole_MayOnlyReadOrganizations_BeyondTheSettingsColumns(string write)
    {
        var studio = await api.StudioAsync();
        await using var connection = AppConnection();
        await connection.OpenAsync();

        (await Scalar<long>(connection, null, $"SELECT count(*) FROM organizations WHERE id = '{studio.Id}'")).Should().Be(1);
        var writing = () => Scalar<object>(connection, null, write + " RETURNING 1");
        if (write.StartsWith("TRUNCATE", StringComparison.Ordinal)) writing = () => Scalar<object>(connection, null, write);

        (await writing.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task AppRole_UpdatesTheSettingsOfTheOrganizationItIsScopedTo_AndNoOther()
    {
        var own = await api.StudioAsync();
        var other = await api.StudioAsync();
        await using var connection = AppConnection();
        await connection.OpenAsync();

        (await Scalar<long>(connection, null, "WITH changed AS (UPDATE organizations SET name = 'Taken over' RETURNING 1) SELECT count(*) FROM changed"))
            .Should().Be(0, "outside any scope no organization can be changed");
        await using (var scoped = await connection.BeginTransactionAsync())
        {
            await Scalar<string>(connection, scoped, $"SELECT set_config('app.organization_id', '{own.Id}', true)");
            (await Scalar<long>(connection, scoped, "WITH changed AS (UPDATE organizations SET name = 'Taken over' RETURNING 1) SELECT count(*) FROM changed"))
                .Should().Be(1, "only the scoped organization is visible to an update");
            await scoped.CommitAsync();
        }

        await using var owner = new NpgsqlConnection(api.Database.ConnectionString);
        await owner.OpenAsync();
        (await Scalar<string>(owner, null, $"SELECT name FROM organizations WHERE id = '{own.Id}'")).Should().Be("Taken over");
        (await Scalar<string>(owner, null, $"SELECT name FROM organizations WHERE id = '{other.Id}'")).Should().NotBe("Taken over");
    }

    [Fact]
    public async Task EveryTableWithAnOrganization_HasRowLevelSecurity_ExceptTheLookupTables()
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE c.relkind = 'r'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)
              AND c.relname NOT IN ('api_keys')
              AND NOT (c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname))
            """, connection);
        var unprotected = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) unprotected.Add(reader.GetString(0));
        }

        unprotected.Should().BeEmpty("every tenant table needs ENABLE ROW LEVEL SECURITY and a policy");
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
