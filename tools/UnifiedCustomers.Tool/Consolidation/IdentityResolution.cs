using NpgsqlTypes;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// The transitive "same person" groups: a union-find over the rows' dense int indexes (uc_person.idx),
/// fed by the edges and written back as uc_group (idx, root). Two int arrays: about 8 MB per million
/// people, whatever the shape of the groups.
/// </summary>
internal static class IdentityResolution
{
    private static readonly string Count = $"SELECT count(*) FROM {People}";
    private static readonly string Export = $"COPY {Links} (a, b) TO STDOUT (FORMAT BINARY)";
    private static readonly string Create = $"CREATE UNLOGGED TABLE {Groups} (idx int NOT NULL, root int NOT NULL)";
    private static readonly string Import = $"COPY {Groups} (idx, root) FROM STDIN (FORMAT BINARY)";
    private static readonly string[] Index = [$"ALTER TABLE {Groups} ADD PRIMARY KEY (idx)", $"ANALYZE {Groups}"];

    public static readonly CodeStep Step = new("same-person groups", [Count, Export, Create, Import, .. Index], RunAsync);

    private static async Task<long> RunAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var count = (int)await context.ScalarAsync<long>(Count, cancellationToken);
        var parent = new int[count + 1];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;

        await using (var export = await context.Connection.BeginBinaryExportAsync(Export, cancellationToken))
        {
            while (await export.StartRowAsync(cancellationToken) != -1)
            {
                var a = await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken);
                var b = await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken);
                Union(parent, a, b);
            }
        }

        await context.ExecuteAsync([Create], cancellationToken);
        await using (var import = await context.Connection.BeginBinaryImportAsync(Import, cancellationToken))
        {
            for (var i = 1; i <= count; i++)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync(Find(parent, i), NpgsqlDbType.Integer, cancellationToken);
            }
            await import.CompleteAsync(cancellationToken);
        }
        await context.ExecuteAsync(Index, cancellationToken);
        return count;
    }

    internal static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /// <summary>The smaller index becomes the root, so a group's root does not depend on edge order.</summary>
    internal static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb) return;
        if (ra < rb) parent[rb] = ra;
        else parent[ra] = rb;
    }
}
