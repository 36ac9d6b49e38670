using System.Linq.Expressions;
using LinqExpression = System.Linq.Expressions.Expression;

namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// A rule about one entity written once as an expression: EF translates it in a query, and the
/// domain asks it of an object in memory (compiled once). See docs/adr/0031.
/// </summary>
public sealed class Criterion<T>
{
    private readonly Func<T, bool> _isSatisfiedBy;

    private Criterion(Expression<Func<T, bool>> expression, Func<T, bool> isSatisfiedBy)
    {
        Expression = expression;
        _isSatisfiedBy = isSatisfiedBy;
    }

    /// <summary>For <c>Where</c>, <c>Count</c>, <c>Any</c> in a query.</summary>
    public Expression<Func<T, bool>> Expression { get; }

    public bool IsSatisfiedBy(T candidate) => _isSatisfiedBy(candidate);

    /// <summary>A rule without an argument; keep it in a static field so it is compiled once.</summary>
    public static Criterion<T> Of(Expression<Func<T, bool>> rule) => new(rule, rule.Compile());

    /// <summary>A rule about a moment (a date, an instant), compiled once for every moment it is asked at.</summary>
    public static Criterion<T, TArgument> Of<TArgument>(Expression<Func<T, TArgument, bool>> rule) => new(rule);

    internal static Criterion<T> Bound<TArgument>(Expression<Func<T, TArgument, bool>> rule, Func<T, TArgument, bool> compiled, TArgument argument)
    {
        // The argument is read from a closure, as a captured local would be, so EF sends it as a parameter and caches one plan.
        var closure = LinqExpression.Property(LinqExpression.Constant(new Closure<TArgument>(argument)), nameof(Closure<TArgument>.Value));
        var body = Expressions.Substitute(rule.Body, rule.Parameters[1], closure);
        return new Criterion<T>(LinqExpression.Lambda<Func<T, bool>>(body, rule.Parameters[0]), candidate => compiled(candidate, argument));
    }

    /// <summary>Either rule: one expression for the query, the two compiled rules in memory.</summary>
    public Criterion<T> Or(Criterion<T> other)
    {
        var candidate = Expression.Parameters[0];
        var body = LinqExpression.OrElse(Expression.Body, Expressions.Substitute(other.Expression.Body, other.Expression.Parameters[0], candidate));
        var (mine, theirs) = (_isSatisfiedBy, other._isSatisfiedBy);
        return new Criterion<T>(LinqExpression.Lambda<Func<T, bool>>(body, candidate), c => mine(c) || theirs(c));
    }

    public static implicit operator Expression<Func<T, bool>>(Criterion<T> criterion) => criterion.Expression;

    private sealed record Closure<TArgument>(TArgument Value);
}

/// <summary>A <see cref="Criterion{T}"/> that needs an argument (the date or instant it is asked at).</summary>
public sealed class Criterion<T, TArgument>
{
    private readonly Expression<Func<T, TArgument, bool>> _rule;
    private readonly Func<T, TArgument, bool> _compiled;

    internal Criterion(Expression<Func<T, TArgument, bool>> rule)
    {
        _rule = rule;
        _compiled = rule.Compile();
    }

    /// <summary>The rule at one argument, for a query (or to hand on).</summary>
    public Criterion<T> At(TArgument argument) => Criterion<T>.Bound(_rule, _compiled, argument);

    /// <summary>In memory, without building the query's expression.</summary>
    public bool IsSatisfiedBy(T candidate, TArgument argument) => _compiled(candidate, argument);

    /// <summary>This rule and a rule without an argument, in one expression.</summary>
    public Criterion<T, TArgument> And(Criterion<T> other)
    {
        var (candidate, argument) = (_rule.Parameters[0], _rule.Parameters[1]);
        var body = LinqExpression.AndAlso(Expressions.Substitute(other.Expression.Body, other.Expression.Parameters[0], candidate), _rule.Body);
        return new Criterion<T, TArgument>(LinqExpression.Lambda<Func<T, TArgument, bool>>(body, candidate, argument));
    }
}

/// <summary>Writes one expression into another, so a rule written once can be inlined where EF translates it.</summary>
internal static class Expressions
{
    /// <summary>The body with every use of the parameter replaced.</summary>
    public static Expression Substitute(Expression body, ParameterExpression parameter, Expression replacement) =>
        new Substitution(parameter, replacement).Visit(body);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
