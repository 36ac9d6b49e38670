using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal static class ResultAssertions
{
    public static void ShouldFailWith(this Result result, string code)
    {
        result.IsFailure.Should().BeTrue($"the rule behind {code} should refuse this");
        result.Error!.Code.Should().Be(code);
    }

    public static void ShouldSucceed(this Result result) => result.Error.Should().BeNull();

    public static T ShouldSucceed<T>(this Result<T> result)
    {
        result.Error.Should().BeNull();
        return result.Value;
    }
}
