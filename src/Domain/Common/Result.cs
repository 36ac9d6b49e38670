namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// The outcome of an operation that can fail for an expected business reason. The combinators
/// chain steps that each may fail: the first failure is the outcome, and later steps do not run.
/// </summary>
public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    public bool IsFailure => Error is not null;

    public static Result Success() => new(null);
    public static Result Failure(Error error) => new(error);
    public static Result<T> Success<T>(T value) => new(value, null);

    /// <summary>Success when <paramref name="condition"/> holds, else <paramref name="error"/>.</summary>
    public static Result Ensure(bool condition, Error error) => condition ? Success() : error;

    /// <summary>The first failure among <paramref name="results"/>, in order, or success.</summary>
    public static Result Combine(params ReadOnlySpan<Result> results)
    {
        foreach (var result in results)
        {
            if (result.IsFailure) return result;
        }
        return Success();
    }

    /// <summary>Runs <paramref name="next"/> after a success; a failure stays this failure.</summary>
    public Result Bind(Func<Result> next) => IsFailure ? this : next();

    /// <summary>Runs <paramref name="next"/> after a success; a failure stays this failure.</summary>
    public Result<T> Bind<T>(Func<Result<T>> next) => IsFailure ? new Result<T>(default, Error) : next();

    /// <summary>The value of <paramref name="value"/> after a success; a failure stays this failure.</summary>
    public Result<T> Map<T>(Func<T> value) => IsFailure ? new Result<T>(default, Error) : value();

    /// <summary>Runs <paramref name="action"/> after a success, and keeps the outcome.</summary>
    public Result Tap(Action action)
    {
        if (IsSuccess) action();
        return this;
    }

    public TOut Match<TOut>(Func<TOut> success, Func<Error, TOut> failure) => IsSuccess ? success() : failure(Error!);

    public static implicit operator Result(Error error) => new(error);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    internal Result(T? value, Error? error) : base(error) => _value = value;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: the result failed with {Error!.Code}.");

    /// <summary>The value turned by <paramref name="map"/> after a success; a failure stays this failure.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsFailure ? new Result<TOut>(default, Error) : map(_value!);

    /// <summary>Runs <paramref name="next"/> on the value after a success; a failure stays this failure.</summary>
    public Result<TOut> Bind<TOut>(Func<T, Result<TOut>> next) => IsFailure ? new Result<TOut>(default, Error) : next(_value!);

    /// <summary>Runs <paramref name="next"/> on the value after a success; a failure stays this failure.</summary>
    public Result Bind(Func<T, Result> next) => IsFailure ? this : next(_value!);

    /// <summary>Runs <paramref name="next"/> on the value after a success and keeps the value when it succeeds too.</summary>
    public Result<T> Then(Func<T, Result> next)
    {
        if (IsFailure) return this;
        var outcome = next(_value!);
        return outcome.IsFailure ? new Result<T>(default, outcome.Error) : this;
    }

    /// <summary>Fails with <paramref name="error"/> when the value does not satisfy <paramref name="predicate"/>.</summary>
    public Result<T> Ensure(Func<T, bool> predicate, Error error) => IsFailure || predicate(_value!) ? this : new Result<T>(default, error);

    /// <summary>Runs <paramref name="action"/> on the value after a success, and keeps the outcome.</summary>
    public Result<T> Tap(Action<T> action)
    {
        if (IsSuccess) action(_value!);
        return this;
    }

    public TOut Match<TOut>(Func<T, TOut> success, Func<Error, TOut> failure) => IsSuccess ? success(_value!) : failure(Error!);

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
