using System.Diagnostics;
using NpgsqlTypes;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// The transitive "same person" groups: a union-find over the rows' dense int indexes (uc_person.idx),
/// fed by the edges and written back as uc_group (idx, root). Two int arrays: about 8 MB per million
/// people, whatever the shape of the groups.
/// </summary>
internal static class IdentityResolution
{
    public static async Task RunAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        const string step = "same-person groups";
        var watch = Stopwatch.StartNew();
        context.Progress.StepStarted(step);
        var count = (int)await context.ScalarAsync<long>("SELECT count(*) FROM uc_person", cancellationToken);
        var parent = new int[count + 1];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;

        await using (var export = await context.Connection.BeginBinaryExportAsync(
            "COPY uc_edge (a, b) TO STDOUT (FORMAT BINARY)", cancellationToken))
        {
            while (await export.StartRowAsync(cancellationToken) != -1)
            {
                var a = await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken);
                var b = await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken);
                Union(parent, a, b);
            }
        }

        await using (var create = context.Connection.CreateCommand())
        {
            create.CommandText = "CREATE TEMP TABLE uc_group (idx int NOT NULL, root int NOT NULL) ON COMMIT DROP";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var import = await context.Connection.BeginBinaryImportAsync(
            "COPY uc_group (idx, root) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 1; i <= count; i++)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync(Find(parent, i), NpgsqlDbType.Integer, cancellationToken);
            }
            await import.CompleteAsync(cancellationToken);
        }
        await using (var index = context.Connection.CreateCommand())
        {
            index.CommandText = "ALTER TABLE uc_group ADD PRIMARY KEY (idx); ANALYZE uc_group;";
            await index.ExecuteNonQueryAsync(cancellationToken);
        }
        context.Progress.StepDone(step, count, watch.Elapsed);
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
