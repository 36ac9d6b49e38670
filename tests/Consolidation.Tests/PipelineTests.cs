using System.Reflection;
using System.Text.RegularExpressions;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>
/// The fold reads as a pipeline: each phase declares the work tables it reads and writes, the
/// declaration is what its SQL does, a table is read only after an earlier phase wrote it, and the
/// orchestrator is the only runner of phases.
/// </summary>
public sealed partial class PipelineTests
{
    private static readonly IReadOnlyList<Phase> Phases = Consolidator.Pipeline;

    public static TheoryData<string> PhaseNames => new(Phases.Select(p => p.Name));

    private static Phase Named(string name) => Phases.Single(p => p.Name == name);

    private static IEnumerable<string> Sql(Phase phase) => phase.Steps.SelectMany(s => s.Sql);

    private static bool Mentions(IEnumerable<string> sql, StagingTable table) =>
        sql.Any(s => Regex.IsMatch(s, $@"\b{table.Name}\b"));

    private static List<StagingTable> Used(IEnumerable<string> sql) => StagingTables.All.Where(t => Mentions(sql.ToList(), t)).ToList();

    [Theory]
    [MemberData(nameof(PhaseNames))]
    public void APhasesSql_UsesExactlyTheWorkTablesItDeclares(string name)
    {
        var phase = Named(name);

        Used(Sql(phase)).Should().BeEquivalentTo(phase.Reads.Concat(phase.Writes));
        phase.Reads.Should().NotIntersectWith(phase.Writes);
    }

    [Theory]
    [MemberData(nameof(PhaseNames))]
    public void APhase_ReadsOnlyWhatAnEarlierPhaseWrote_AndCreatesWhatItWrites(string name)
    {
        var index = Phases.ToList().FindIndex(p => p.Name == name);
        var phase = Phases[index];
        var earlier = Phases.Take(index).SelectMany(p => p.Writes).ToList();

        phase.Reads.Should().BeSubsetOf(earlier);
        foreach (var table in phase.Writes)
            Sql(phase).Should().Contain(s => Regex.IsMatch(s, $@"^\s*CREATE UNLOGGED TABLE {Regex.Escape(table.ToString())}\b"), $"{name} creates {table.Name}");
    }

    [Fact]
    public void EveryWorkTable_IsWrittenByExactlyOnePhase()
    {
        var writes = Phases.SelectMany(p => p.Writes).ToList();

        writes.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(StagingTables.All);
        StagingTables.All.Select(t => t.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void TheReport_ReadsWhatItDeclares_AfterEveryPhase()
    {
        Used(ReportPhase.Queries).Should().BeEquivalentTo(ReportPhase.Reads);
        ReportPhase.Reads.Should().BeSubsetOf(Phases.SelectMany(p => p.Writes));
    }

    [Fact]
    public void EveryLegacyTable_IsReadBySomePhase_AndNoOtherSchemaIsRead()
    {
        var read = Phases.SelectMany(Sql).Concat(ReportPhase.Queries)
            .SelectMany(s => LegacyTable().Matches(s).Select(m => m.Groups[1].Value)).Distinct().ToList();

        read.Should().BeEquivalentTo(ConsolidationReport.LegacyTables);
    }

    [Fact]
    public void EveryWorkTable_NotReadByTheReport_IsDroppedOnce_AfterItsLastReader()
    {
        var dropped = Phases.SelectMany(p => Consolidator.DoneAfter(p).Select(t => (Phase: p, Table: t))).ToList();

        dropped.Select(d => d.Table).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(StagingTables.All.Except(ReportPhase.Reads));
        foreach (var (phase, table) in dropped)
            Phases.SkipWhile(p => p != phase).Skip(1).Should().NotContain(p => p.Reads.Contains(table), $"{table.Name} is dropped after {phase.Name}");
    }

    [Fact]
    public void EveryStatement_IsOneStatement()
    {
        foreach (var statement in Phases.SelectMany(Sql).Concat(ReportPhase.Queries))
        {
            var outsideQuotes = Quoted().Replace(statement, "");
            outsideQuotes.Should().NotContain(";", statement);
        }
    }

    [Fact]
    public void OnlyTheOrchestrator_RunsPhases()
    {
        var phaseFields = typeof(Phase).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(Phase))
            .ToList();

        var defined = phaseFields.Select(f => (Phase)f.GetValue(null)!).ToList();
        defined.Should().HaveCount(Phases.Count).And.OnlyContain(phase => Phases.Contains(phase), "every phase defined is in the pipeline, once");
        Phases.Select(p => p.Name).Should().OnlyHaveUniqueItems();
        // A phase is data: its class offers nothing that runs against the fold's connection.
        foreach (var type in phaseFields.Select(f => f.DeclaringType!).Distinct())
            type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsPrivate && m.GetParameters().Any(p => p.ParameterType == typeof(PhaseContext)))
                .Should().BeEmpty(type.Name);
        Phases.SelectMany(p => p.Steps).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void CustomerResolution_ExpressionsUseOnlyTheAliasesOfItsOwnJoins()
    {
        var resolution = CustomerResolution.Of("row.client_id", "row.customer_id");
        var joined = JoinAlias().Matches(resolution.Joins).Select(m => m.Groups[1].Value).ToList();

        joined.Should().HaveCount(3);
        foreach (var expression in new[] { resolution.Customer, resolution.Organization, resolution.Reason })
            QualifiedColumn().Matches(expression).Select(m => m.Groups[1].Value).Should().OnlyContain(alias => joined.Contains(alias), expression);
    }

    [GeneratedRegex(@"\{legacy\}\.(\w+)")]
    private static partial Regex LegacyTable();

    // Dollar-quoted bodies and string literals may hold semicolons of their own.
    [GeneratedRegex(@"\$\$.*?\$\$|'(?:[^']|'')*'", RegexOptions.Singleline)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"JOIN [\w.]+ (\w+) ON")]
    private static partial Regex JoinAlias();

    [GeneratedRegex(@"\b(\w+)\.\w+")]
    private static partial Regex QualifiedColumn();
}
