using Npgsql;
using UnifiedCustomers.Testing;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>
/// The fold cuts a legacy text to the model's limit as the domain counts a length (UTF-16 units), so a
/// cut value is one the domain accepts back and no more is dropped than must be.
/// </summary>
public sealed class TextCutTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly string[] Characters = ["a", "Z", " ", "\u00A0", "\u2003", "é", "中", "\U0001F600", "\U0001D538"];

    [Fact]
    public async Task ACutText_IsItsLongestStartThatFits_WithoutTheWhiteSpaceTheCutLeaves()
    {
        var random = new Random(20261203);
        var texts = Enumerable.Range(0, 500)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 70)).Select(_ => Characters[random.Next(Characters.Length)])))
            .ToArray();
        var limits = texts.Select(_ => random.Next(1, 60)).ToArray();

        var folded = await CutAsync(texts, limits);

        folded.Select(f => f.Units).Should().Equal(texts.Select(t => t.Length), "a length is counted in UTF-16 units, as .NET counts it");
        folded.Select(f => f.Cut).Should().Equal(texts.Zip(limits, ExpectedCut));
    }

    private static string ExpectedCut(string text, int limit)
    {
        if (text.Length <= limit) return text;
        // A character of two units that would not fit whole is left out whole.
        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..end].TrimEnd();
    }

    private async Task<List<(string Cut, int Units)>> CutAsync(string[] texts, int[] limits)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var helper in OrganizationsPhase.Helpers) await new NpgsqlCommand(helper, connection, transaction).ExecuteNonQueryAsync();
        await using var cut = new NpgsqlCommand(
            "SELECT pg_temp.uc_cut(t, n), pg_temp.uc_units(t) FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS c(t, n, i) ORDER BY i", connection, transaction)
        {
            Parameters = { new() { Value = texts }, new() { Value = limits } },
        };
        var rows = new List<(string, int)>();
        await using var reader = await cut.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt32(1)));
        return rows;
    }
}
