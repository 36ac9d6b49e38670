using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Tests.Common;

/// <summary>The combinators: the first failure is the outcome, and no step after it runs.</summary>
public sealed class ResultTests
{
    private static readonly Error First = Error.Rule("test.first", "The first refusal.");
    private static readonly Error Second = Error.Conflict("test.second", "The second refusal.");

    [Fact]
    public void Bind_WhenSuccessful_RunsTheNextStep()
    {
        var ran = false;

        var result = Result.Success().Bind(() => { ran = true; return Result.Failure(Second); });

        ran.Should().BeTrue();
        result.Error.Should().Be(Second);
    }

    [Fact]
    public void Bind_WhenFailed_KeepsTheFailureAndSkipsTheNextStep()
    {
        var ran = false;

        var result = Result.Failure(First).Bind(() => { ran = true; return Result.Success(); });
        var valued = Result.Failure(First).Bind(() => { ran = true; return Result.Success(1); });
        var chained = Result.Success(1).Bind(_ => Result.Failure(First)).Bind(() => { ran = true; return Result.Success(); });

        ran.Should().BeFalse();
        result.Error.Should().Be(First);
        valued.Error.Should().Be(First);
        chained.Error.Should().Be(First);
    }

    [Fact]
    public void BindOfAValue_PassesTheValueOn_OrKeepsTheFailure()
    {
        Result.Success(2).Bind(v => Result.Success(v * 10)).Value.Should().Be(20);
        Result.Success(2).Bind(v => v > 5 ? Result.Success(v) : Second).Error.Should().Be(Second);
        ((Result<int>)First).Bind(v => Result.Success(v * 10)).Error.Should().Be(First);
        Result.Success(2).Bind(v => Result.Ensure(v == 2, Second)).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Map_WhenSuccessful_TurnsTheValue()
    {
        Result.Success(3).Map(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value.Should().Be("3");
        Result.Success().Map(() => "made").Value.Should().Be("made");
    }

    [Fact]
    public void Map_WhenFailed_KeepsTheFailureWithoutCallingTheMap()
    {
        var called = false;

        var mapped = ((Result<int>)First).Map(v => { called = true; return v + 1; });
        var made = Result.Failure(First).Map(() => { called = true; return "made"; });

        called.Should().BeFalse();
        mapped.Error.Should().Be(First);
        made.Error.Should().Be(First);
        FluentActions.Invoking(() => mapped.Value).Should().Throw<InvalidOperationException>().WithMessage("*test.first*");
    }

    [Fact]
    public void Match_TakesTheBranchOfTheOutcome()
    {
        Result.Success(4).Match(v => $"ok {v}", e => e.Code).Should().Be("ok 4");
        ((Result<int>)Second).Match(v => $"ok {v}", e => e.Code).Should().Be("test.second");
        Result.Success().Match(() => "ok", e => e.Code).Should().Be("ok");
        Result.Failure(First).Match(() => "ok", e => e.Code).Should().Be("test.first");
    }

    [Fact]
    public void Ensure_FailsWithTheErrorOnlyWhenTheConditionDoesNotHold()
    {
        Result.Ensure(true, First).IsSuccess.Should().BeTrue();
        Result.Ensure(false, First).Error.Should().Be(First);
        Result.Success(7).Ensure(v => v > 5, Second).Value.Should().Be(7);
        Result.Success(3).Ensure(v => v > 5, Second).Error.Should().Be(Second);
        ((Result<int>)First).Ensure(_ => false, Second).Error.Should().Be(First, "an earlier failure stays the outcome");
    }

    [Fact]
    public void Tap_RunsItsActionOnlyAfterASuccess_AndKeepsTheOutcome()
    {
        var seen = new List<string>();

        var kept = Result.Success(5).Tap(v => seen.Add($"value {v}"));
        var failed = ((Result<int>)First).Tap(v => seen.Add($"value {v}"));
        Result.Success().Tap(() => seen.Add("plain"));
        Result.Failure(First).Tap(() => seen.Add("never"));

        seen.Should().Equal("value 5", "plain");
        kept.Value.Should().Be(5);
        failed.Error.Should().Be(First);
    }

    [Fact]
    public void Then_KeepsTheValueWhenTheCheckOnItSucceeds()
    {
        Result.Success(5).Then(v => Result.Ensure(v == 5, First)).Value.Should().Be(5);
        Result.Success(5).Then(_ => Result.Failure(Second)).Error.Should().Be(Second);
        ((Result<int>)First).Then(_ => Result.Failure(Second)).Error.Should().Be(First);
    }

    [Fact]
    public void Combine_IsTheFirstFailureInOrder_OrSuccess()
    {
        Result.Combine(Result.Success(), Result.Success()).IsSuccess.Should().BeTrue();
        Result.Combine().IsSuccess.Should().BeTrue();
        Result.Combine(Result.Success(), First, Second).Error.Should().Be(First);
        Result.Combine(Second, First).Error.Should().Be(Second);
    }

    [Fact]
    public void ADomainChain_StopsAtTheFirstRuleThatRefuses()
    {
        // ClassType.Create is Rename, then ChangeDefaults, then the type: a bad name is reported before bad defaults.
        var now = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

        ClassType.Create(Guid.NewGuid(), " ", 0, 0, now).Error!.Code.Should().Be("class_type.name_required");
        ClassType.Create(Guid.NewGuid(), "Yoga", 0, 0, now).Error!.Code.Should().Be("class_type.capacity_invalid");
        ClassType.Create(Guid.NewGuid(), "Yoga", 10, 60, now).Value.Name.Should().Be("Yoga");
    }
}
