namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// The combinators of <see cref="Result{T}"/> for steps that wait (a load, a recompute): a chain
/// reads top to bottom, and the first failure is the outcome.
/// </summary>
public static class ResultTasks
{
    public static async Task<Result<TOut>> Map<T, TOut>(this Task<Result<T>> result, Func<T, TOut> map) => (await result).Map(map);

    public static async Task<Result<TOut>> Bind<T, TOut>(this Task<Result<T>> result, Func<T, Result<TOut>> next) => (await result).Bind(next);

    public static async Task<Result<T>> Then<T>(this Task<Result<T>> result, Func<T, Result> next) => (await result).Then(next);

    /// <summary>Waits for <paramref name="action"/> on the value after a success, and keeps the outcome.</summary>
    public static async Task<Result<T>> TapAsync<T>(this Result<T> result, Func<T, Task> action)
    {
        if (result.IsSuccess) await action(result.Value);
        return result;
    }

    public static async Task<Result<T>> TapAsync<T>(this Task<Result<T>> result, Func<T, Task> action) => await (await result).TapAsync(action);

    /// <summary>Waits for <paramref name="next"/> on the value after a success; a failure stays this failure.</summary>
    public static async Task<Result<TOut>> BindAsync<T, TOut>(this Result<T> result, Func<T, Task<Result<TOut>>> next) =>
        result.IsFailure ? result.Error! : await next(result.Value);

    public static async Task<Result<TOut>> BindAsync<T, TOut>(this Task<Result<T>> result, Func<T, Task<Result<TOut>>> next) =>
        await (await result).BindAsync(next);
}
