using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal static class ResultAssertions
{
    /// <returns>the refusal, to look at its field</returns>
    public static Error ShouldFailWith(this Result result, string code)
    {
        result.IsFailure.Should().BeTrue($"the rule behind {code} should refuse this");
        result.Error!.Code.Should().Be(code);
        return result.Error;
    }

    public static void ShouldSucceed(this Result result) => result.Error.Should().BeNull();

    public static T ShouldSucceed<T>(this Result<T> result)
    {
        result.Error.Should().BeNull();
        return result.Value;
    }
}
