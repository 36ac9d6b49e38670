namespace UnifiedCustomers.Api.Errors;

/// <summary>A use case's result as an HTTP answer: the value on success, else its error as a problem.</summary>
internal static class ResultExtensions
{
    public static IResult ToOk<T>(this Result<T> result) => result.Match<IResult>(value => TypedResults.Ok(value), error => error.ToProblem());

    public static IResult ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.Match<IResult>(value => TypedResults.Created(location(value), value), error => error.ToProblem());

    public static IResult ToNoContent(this Result result) => result.Match<IResult>(() => TypedResults.NoContent(), error => error.ToProblem());
}
