using Npgsql;

namespace UnifiedCustomers.Application.Tests.Persistence;

internal static class PostgresAssertions
{
    /// <summary>The write fails in PostgreSQL itself, with this SQLSTATE and, when given, this constraint.</summary>
    public static async Task<PostgresException> ShouldBeRefusedAsync(Func<Task> write, string sqlState, string? constraint = null)
    {
        var refusal = (await write.Should().ThrowAsync<PostgresException>()).Which;
        refusal.SqlState.Should().Be(sqlState, refusal.MessageText);
        if (constraint is not null) refusal.ConstraintName.Should().Be(constraint);
        return refusal;
    }
}
