using System.Runtime.CompilerServices;
using Mediator;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Tests.Support;

namespace UnifiedCustomers.Application.Tests.Customers;

/// <summary>
/// Every use case that names its organization (<see cref="IOrganizationRequest"/>, found by
/// reflection, so a new one is covered) answers organization.not_found for an unknown organization,
/// from the pipeline, before its handler runs.
/// </summary>
public sealed class OrganizationRequestTests(Backend backend) : IClassFixture<Backend>
{
    public static TheoryData<Type> Requests()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(IOrganizationRequest).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOrganizationRequest).IsAssignableFrom(t))
                     .OrderBy(t => t.Name))
            data.Add(type);
        return data;
    }

    [Fact]
    public void TheUseCasesThatHadTheirOwnPreamble_AreMarked() =>
        Requests().Count.Should().BeGreaterThanOrEqualTo(25);

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task AnUnknownOrganization_IsNotFound(Type requestType)
    {
        var request = ForUnknownOrganization(requestType);

        var result = requestType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITenantCommand<>))
            ? await SendAsync(request, nameof(Backend.SendAsync), typeof(ICommand<>))
            : await SendAsync(request, nameof(Backend.SendAsync), typeof(IQuery<>));

        result.Error.Should().Be(ApplicationErrors.OrganizationNotFound, requestType.Name);
    }

    /// <summary>A request whose other values pass validation: unset records get a harmless default for each parameter.</summary>
    private static object ForUnknownOrganization(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.Name == nameof(ITenantRequest.OrganizationId)
            ? Guid.NewGuid()
            : p.HasDefaultValue ? p.DefaultValue
            : p.Name!.Contains("Email", StringComparison.Ordinal) && p.ParameterType == typeof(string) ? "sam@example.com"
            : Sample(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static object? Sample(Type type) => type switch
    {
        _ when type == typeof(Guid) || type == typeof(Guid?) => Guid.NewGuid(),
        _ when type == typeof(string) => "Sample",
        _ when type == typeof(int) || type == typeof(int?) => 30,
        _ when type == typeof(DateOnly) || type == typeof(DateOnly?) => new DateOnly(2026, 7, 1),
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?) => Backend.Start.AddDays(1),
        _ when type == typeof(TimeOnly) || type == typeof(TimeOnly?) => new TimeOnly(9, 0),
        _ when type == typeof(bool) => false,
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ when type.IsArray => Array.CreateInstance(type.GetElementType()!, 0),
        _ when type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(IEnumerable<>) || d == typeof(IReadOnlyCollection<>) || d == typeof(List<>))
            => Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments())),
        _ => RuntimeHelpers.GetUninitializedObject(type),
    };

    private async Task<Domain.Common.Result> SendAsync(object request, string method, Type messageKind)
    {
        var response = request.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == messageKind).GetGenericArguments()[0];
        var send = typeof(Backend).GetMethods()
            .Single(m => m.Name == method && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == messageKind)
            .MakeGenericMethod(response);
        var task = (Task)send.Invoke(backend, [request])!;
        await task;
        return (Domain.Common.Result)task.GetType().GetProperty("Result")!.GetValue(task)!;
    }
}
