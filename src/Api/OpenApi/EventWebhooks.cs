using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace UnifiedCustomers.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 `webhooks` section: one POST per event type of the catalog, whose body is the
/// envelope with that type's data, so generated clients (clients/typescript) type every payload.
/// </summary>
internal sealed class EventWebhooks : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in EventCatalog.Types)
        {
            var dataName = type.DataType.Name;
            if (!document.Components.Schemas.ContainsKey(dataName))
                document.AddComponent<IOpenApiSchema>(dataName, await context.GetOrCreateSchemaAsync(type.DataType, null, cancellationToken));

            var envelopeName = EnvelopeName(type.Name);
            document.AddComponent<IOpenApiSchema>(envelopeName, new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = type.Description,
                Required = new HashSet<string> { "id", "type", "occurredAt", "organizationId", "data" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "Unique; the same in every delivery (the webhook-id header)." },
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type.Name)] },
                    ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                    ["organizationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    ["data"] = new OpenApiSchemaReference(dataName, document),
                },
            });
            document.Webhooks[type.Name] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = "Webhook_" + envelopeName,
                        Summary = type.Description,
                        Description = "Signed per Standard Webhooks: headers webhook-id, webhook-timestamp and webhook-signature "
                                      + "(v1, HMAC-SHA256 with the subscription's whsec_ secret). Answer 2xx within 10 seconds; anything else is retried.",
                        Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
                        Parameters =
                        [
                            Header("webhook-id", "The event's id: drop a delivery whose id you have already processed."),
                            Header("webhook-timestamp", "Unix seconds when this attempt was signed; refuse ones far from now."),
                            Header("webhook-signature", "Space-separated `v1,<base64>` signatures, one per active secret."),
                        ],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/json"] = new() { Schema = new OpenApiSchemaReference(envelopeName, document) },
                            },
                        },
                        Responses = new OpenApiResponses { ["2XX"] = new OpenApiResponse { Description = "Received." } },
                    },
                },
            };
        }
    }

    /// <summary>customer.lifecycle_changed → CustomerLifecycleChangedEvent.</summary>
    public static string EnvelopeName(string type) =>
        string.Concat(type.Split('.', '_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Event";

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
