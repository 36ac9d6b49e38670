namespace UnifiedCustomers.Application.Common;

/// <summary>
/// A field of a partial update (JSON Merge Patch, RFC 7396): left out (keep the current value), or
/// given, possibly as null (clear it, where clearing is allowed).
/// </summary>
public readonly record struct Optional<T>(bool IsSet, T Value) : IOptional
{
    object? IOptional.GivenValue => IsSet ? Value : null;

    public static Optional<T> Unset => default;

    public static implicit operator Optional<T>(T value) => new(true, value);

    /// <summary>The given value, else the current one.</summary>
    public T Or(T current) => IsSet ? Value : current;
}

/// <summary>An <see cref="Optional{T}"/> seen without its type: the value given, if any (what input bounds check).</summary>
internal interface IOptional
{
    object? GivenValue { get; }
}

public static class OptionalSwitch
{
    /// <summary>A merge patch's isActive: given, it activates or deactivates; left out, nothing changes.</summary>
    public static void ApplyTo(this Optional<bool?> isActive, Domain.Common.IDeactivatable target)
    {
        if (isActive is not { IsSet: true, Value: { } active }) return;
        if (active) target.Activate();
        else target.Deactivate();
    }
}
