using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Api.Errors;

/// <summary>A use case's result as an HTTP answer: the value on success, else its error as a problem.</summary>
internal static class ResultExtensions
{
    public static IResult ToOk<T>(this Result<T> result) => result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();

    public static IResult ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Error!.ToProblem();

    public static IResult ToNoContent(this Result result) => result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
}
