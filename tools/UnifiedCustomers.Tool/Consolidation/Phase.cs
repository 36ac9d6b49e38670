namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// One phase of the fold: the work tables it reads (written by an earlier phase) and writes, and its
/// steps in order. Phases are data; <see cref="Consolidator"/> alone runs them.
/// </summary>
internal sealed record Phase(string Name, StagingTable[] Reads, StagingTable[] Writes, Step[] Steps);

/// <summary>A named unit of work of a phase, reported with the rows it touched.</summary>
internal abstract record Step(string Name)
{
    /// <summary>Every SQL text the step sends, one statement each (for <c>PipelineTests</c>).</summary>
    public abstract IReadOnlyList<string> Sql { get; }
}

/// <summary>Set-based SQL: the statements are sent as one batch, each its own command.</summary>
internal sealed record SqlStep(string Name, params string[] Statements) : Step(Name)
{
    public override IReadOnlyList<string> Sql => Statements;
}

/// <summary>Work done in C# (phone parsing, union-find), streamed to and from the database by the statements it names.</summary>
internal sealed record CodeStep(string Name, string[] Statements, Func<PhaseContext, CancellationToken, Task<long>> Run) : Step(Name)
{
    public override IReadOnlyList<string> Sql => Statements;
}

/// <summary>Literals of the domain's bounds for SQL texts, so a limit has one owner.</summary>
internal static class SqlLiteral
{
    public static string Date(DateOnly date) => $"DATE '{date:yyyy'-'MM'-'dd}'";

    public static string Instant(DateTimeOffset instant) =>
        $"TIMESTAMPTZ '{instant.UtcDateTime.ToString("yyyy'-'MM'-'dd HH':'mm':'ss", System.Globalization.CultureInfo.InvariantCulture)}+00'";
}
