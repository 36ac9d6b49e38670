using System.Text.Json;
using UnifiedCustomers.Api.OpenApi;
using UnifiedCustomers.Application.Events;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>The catalog, the docs, the OpenAPI document's webhooks and the TypeScript types agree on every event type.</summary>
public sealed class EventDocumentationTests
{
    private static string Read(string path) => File.ReadAllText(Path.Combine(TestServer.RepositoryRoot(), path));

    [Fact]
    public void EveryEventType_IsDocumented_InDocsEventsMd()
    {
        var docs = Read("docs/events.md");
        EventCatalog.Types.Where(t => !docs.Contains($"| `{t.Name}` |", StringComparison.Ordinal)).Select(t => t.Name)
            .Should().BeEmpty("every event type needs its row in docs/events.md");
    }

    [Fact]
    public void EveryEventType_IsAWebhookOfTheOpenApiSnapshot_AndTypedInTheTypeScriptClient()
    {
        var openapi = JsonDocument.Parse(Read("clients/typescript/openapi.json")).RootElement;
        var webhooks = openapi.GetProperty("webhooks").EnumerateObject().Select(w => w.Name).ToList();
        webhooks.Should().BeEquivalentTo(EventCatalog.Types.Select(t => t.Name));
        var typescript = Read("clients/typescript/schema.d.ts");
        typescript.Should().Contain("export interface webhooks {");
        foreach (var type in EventCatalog.Types)
        {
            var envelope = EventWebhooks.EnvelopeName(type.Name);
            typescript.Should().Contain($"        {envelope}: {{", type.Name);
            typescript.Should().Contain($"type: \"{type.Name}\";", type.Name);
            typescript.Should().Contain($"        {type.DataType.Name}: {{", type.Name);
        }
    }
}
