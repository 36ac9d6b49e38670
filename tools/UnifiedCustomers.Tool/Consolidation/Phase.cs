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

/// <summary>How a statement of the fold is planned, where PostgreSQL's default choice is the slow one.</summary>
internal static class SqlPlanning
{
    /// <summary>
    /// A grouping of millions of rows into nearly as many groups, planned as sorts. A hash aggregate keeps
    /// an entry per group, and in parallel each worker's partial groups are gathered and hashed again by one
    /// process; sorted, the workers sort their shares and one merge groups them (measured at scale 1:
    /// bookings by customer and session 7 to 10 s hashed, 4 s sorted; the people's fields 5.8 s against 2.1 s).
    /// </summary>
    public static string[] GroupedBySorting(string statement) => ["SET LOCAL enable_hashagg = off", statement, "RESET enable_hashagg"];
}

/// <summary>Literals of the domain's bounds for SQL texts, so a limit has one owner.</summary>
internal static class SqlLiteral
{
    public static string Date(DateOnly date) => $"DATE '{date:yyyy'-'MM'-'dd}'";

    public static string Instant(DateTimeOffset instant) =>
        $"TIMESTAMPTZ '{instant.UtcDateTime.ToString("yyyy'-'MM'-'dd HH':'mm':'ss", System.Globalization.CultureInfo.InvariantCulture)}+00'";
}
