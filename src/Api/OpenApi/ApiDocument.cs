using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace UnifiedCustomers.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at /openapi/v1.json: bearer security, the problem-details extensions
/// every error carries, the Idempotency-Key header, and booking examples. No server list, so the
/// document is the same wherever it is served (clients/typescript/openapi.json is its snapshot).
/// </summary>
internal static class ApiDocument
{
    public const string SecurityScheme = "bearer";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "UnifiedCustomers API",
                    Version = "v1",
                    Description = """
                        Booking backend for gyms and studios. Send a staff API key as `Authorization: Bearer uc_live_...`;
                        every id belongs to the key's organization (another organization's ids answer 404).
                        Errors are RFC 9457 problem details with a stable `code` (see docs/errors.md).
                        POSTs that create accept an `Idempotency-Key` header: the same key and body replay the first answer for 24 hours.
                        Paged lists take `page` (1 to 100000, default 1) and `pageSize` (1 to 100, default 25) and answer
                        `{ items, page, pageSize, total }`.
                        Input bounds: text holds no control characters (customer notes and note content may hold line breaks and tabs),
                        dates are between 1900-01-01 and 2200-12-31 and instants within the same years; anything else is a 400
                        (`text.invalid_characters`, `date.out_of_range`) naming the field.
                        """,
                };
                document.Servers = [];
                document.AddBearerScheme(SecurityScheme, "uc_live_<random>",
                    "A staff API key of one organization (./run.sh prints the demo key; the tool's `create-api-key` makes one).");
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<EventWebhooks>();
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, context.Document)] = [] }];
                }
                if (metadata.OfType<IdempotentAttribute>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = IdempotencyMiddleware.Header,
                        In = ParameterLocation.Header,
                        Description = "Any unique string (1 to 100 visible ASCII characters). The same key and body replay the first answer "
                                      + "(with `Idempotent-Replayed: true`) for 24 hours; the same key with another body is refused with 422.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                    });
                }
                if (operation.OperationId == "BookClass") BookingExamples.Apply(operation);
                PagingParameters.Apply(operation);
                ResponseHeaders.Apply(operation, replays: metadata.OfType<IdempotentAttribute>().Any());
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(ProblemDetails)) ProblemSchema.Extend(schema);
                // Instants are read by a converter of ours (IsoDates), which hides their schema from the exporter: said again here.
                // A nullable one is `null | string` in a body or an event, a plain string as a query parameter.
                if (context.JsonTypeInfo.Type == typeof(DateTimeOffset) || context.JsonTypeInfo.Type == typeof(DateTimeOffset?))
                {
                    var nullable = context.JsonTypeInfo.Type == typeof(DateTimeOffset?) && context.JsonPropertyInfo is not null;
                    (schema.Type, schema.Format) = (nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, "date-time");
                }
                return Task.CompletedTask;
            });
        });
}

/// <summary>The one paging contract (Application/Common/Validation/Paging) on every operation that takes it.</summary>
internal static class PagingParameters
{
    public static void Apply(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            var (description, maximum, fallback) = parameter.Name switch
            {
                "page" => ("The page, from 1.", Paging.MaxPage, 1),
                "pageSize" => ("Items per page.", Paging.MaxPageSize, Paging.DefaultPageSize),
                _ => (null, 0, 0),
            };
            if (description is null) continue;
            parameter.Description = $"{description} 1 to {maximum}, default {fallback}.";
            parameter.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = "1",
                Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Default = JsonValue.Create(fallback),
            };
        }
    }
}

internal static class ProblemSchema
{
    public static void Extend(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The stable error code (docs/errors.md), e.g. booking.already_booked.",
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "For 400s: the messages per field (camelCase, dotted for nested fields).",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["reasons"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "For payment.none_available and booking.batch_refused: why each alternative failed.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "code", "message" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["field"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "the membership, pack or session it is about" },
                },
            },
        };
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
    }
}

internal static class BookingExamples
{
    public static void Apply(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
        {
            request.Example = JsonNode.Parse("""
                { "customerId": "0193a5c4-5b1e-7cc2-9d1e-2f6a8b7c4d10", "sessionId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91", "joinWaitlistIfFull": true }
                """);
        }
        if (operation.Responses?.TryGetValue("201", out var created) == true && created.Content?.TryGetValue("application/json", out var response) == true)
        {
            response.Example = JsonNode.Parse("""
                {
                  "id": "0193a5c4-7b3a-7e21-9f4c-5d6e7f8a9b02", "status": "confirmed",
                  "customerId": "0193a5c4-5b1e-7cc2-9d1e-2f6a8b7c4d10", "sessionId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91",
                  "classTypeId": "0193a5c4-4c0d-7bb1-8c0d-1e5f7a6b3c09", "className": "Vinyasa Flow",
                  "startsAtUtc": "2026-06-02T17:00:00+00:00", "startsAtLocal": "2026-06-02T18:00:00+01:00", "timeZone": "Europe/London",
                  "paymentMethod": "pack", "membershipId": null, "packId": "0193a5c4-3b2c-7aa0-8b1c-0d4e6f5a2b18",
                  "creditsRemaining": 4, "allowanceRemaining": null, "waitlistPosition": null,
                  "bookedAt": "2026-06-01T08:00:00+00:00", "cancelledAt": null, "checkedInAt": null
                }
                """);
        }
    }

    /// <summary>Declares a bearer-token security scheme of the document under <paramref name="name"/>.</summary>
    public static void AddBearerScheme(this OpenApiDocument document, string name, string format, string description)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = format,
            Description = description,
        };
    }
}

/// <summary>
/// What every operation's answers carry besides their bodies, said once for the whole document: 415 on any
/// operation that reads a body (JsonBodyBuffering, the framework's binding), Location on a 201,
/// Idempotent-Replayed on what a replay answers, Retry-After on 429 and 503.
/// </summary>
internal static class ResponseHeaders
{
    public static void Apply(OpenApiOperation operation, bool replays)
    {
        if (operation.Responses is not { } responses) return;
        if (operation.RequestBody is not null && !responses.ContainsKey("415") && responses.TryGetValue("400", out var badRequest))
            responses["415"] = new OpenApiResponse { Description = "Unsupported Media Type", Content = badRequest.Content };
        foreach (var (status, answer) in responses)
        {
            if (answer is not OpenApiResponse response) continue;
            if (status == "201") Add(response, "Location", "Where the created resource, or the list that holds it, is read.");
            if (replays && status is "200" or "201" or "202") Add(response, IdempotencyMiddleware.ReplayedHeader, "`true` when this is the first answer to the same Idempotency-Key and body, replayed.");
            if (status is "429" or "503") Add(response, "Retry-After", "Seconds to wait before trying again.");
        }
    }

    private static void Add(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }
}
